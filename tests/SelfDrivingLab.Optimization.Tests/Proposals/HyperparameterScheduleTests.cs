using SelfDrivingLab.Optimization.Proposals;
using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.Optimization.Tests.Proposals;

public sealed class HyperparameterScheduleTests
{
    private static readonly GaussianProcessSurrogate Surrogate = new(new GaussianProcessOptions { Restarts = 2, Seed = 3 });

    [Fact]
    public void Condition_FortyRankOneExtensions_EqualTheFullFactorization()
    {
        var random = new Random(11);
        var hp = new GaussianProcessHyperparameters([0.3, 0.5, 0.8], 1.3, 1e-3);
        var x = Enumerable.Range(0, 50).Select(_ => new[] { random.NextDouble(), random.NextDouble(), random.NextDouble() }).ToArray();
        var y = x.Select(p => Math.Sin(4 * p[0]) + (p[1] * p[2])).ToArray();
        ISurrogateModel chained = GaussianProcessModel.Create(KernelKind.Matern52, hp, x[..10], y[..10], yMean: 0.4, yScale: 0.9);
        for (var i = 10; i < 50; i++)
        {
            chained = chained.Condition(x[i], y[i]);
        }

        var direct = GaussianProcessModel.Create(KernelKind.Matern52, hp, x, y, yMean: 0.4, yScale: 0.9);
        var probe = Enumerable.Range(0, 20).Select(_ => new[] { random.NextDouble(), random.NextDouble(), random.NextDouble() }).ToArray();
        var (m1, v1, m2, v2) = (new double[20], new double[20], new double[20], new double[20]);

        chained.Predict(probe, m1, v1);
        direct.Predict(probe, m2, v2);

        Assert.Equal(50, chained.DataCount);
        for (var i = 0; i < probe.Length; i++)
        {
            Assert.Equal(m2[i], m1[i], 8);
            Assert.Equal(v2[i], v1[i], 8);
        }
    }

    [Fact]
    public void Fit_UpToTheFreshFitLimit_FitsAfreshEveryTime()
    {
        var (x, y) = Smooth(HyperparameterSchedule.FreshFitsUpTo, seed: 1);
        var schedule = new HyperparameterSchedule(Surrogate);

        schedule.Fit(x[..20], y[..20], default);
        schedule.Fit(x, y, default);

        Assert.Equal(2, schedule.FullFits);
    }

    [Fact]
    public void Fit_WellPredictedObservations_ConditionsWithoutRefittingUntilTheDataGrowBy25Percent()
    {
        // The walk starts from a fit on 24 observations; the next refit is due at 24 + max(4, ⌈0.25·24⌉) = 30.
        var (x, y) = Smooth(30, seed: 2);
        var schedule = new HyperparameterSchedule(Surrogate);

        var model = schedule.Fit(x[..29], y[..29], default);
        Assert.Equal(1, schedule.FullFits);
        Assert.Equal(29, model.DataCount);

        schedule.Fit(x, y, default);
        Assert.Equal(2, schedule.FullFits);
    }

    [Fact]
    public void Fit_NewObservationsTheFittedModelCannotExplain_RefitsBeforeTheSchedule()
    {
        // After a smooth function, three observations 40 standard deviations off: their log predictive density is far
        // below the fitted per-point log likelihood, so the trigger refits at 27 instead of waiting for 30.
        var (x, y) = Smooth(28, seed: 3);
        for (var i = 24; i < 28; i++)
        {
            y[i] += 40 * (i % 2 == 0 ? 1 : -1);
        }

        var schedule = new HyperparameterSchedule(Surrogate);

        schedule.Fit(x[..26], y[..26], default);
        Assert.Equal(1, schedule.FullFits);

        schedule.Fit(x, y, default);
        Assert.Equal(2, schedule.FullFits);
    }

    [Fact]
    public void Fit_AfterARestartOrInOneStep_GivesTheSameModelAsTheWalkOneObservationAtATime()
    {
        var (x, y) = Smooth(45, seed: 4);
        var stepwise = new HyperparameterSchedule(Surrogate);
        ISurrogateModel? last = null;
        for (var n = 20; n <= 45; n++)
        {
            last = stepwise.Fit(x[..n], y[..n], default);
        }

        var direct = new HyperparameterSchedule(Surrogate).Fit(x, y, default);
        var probe = new[] { new[] { 0.1, 0.2 }, new[] { 0.5, 0.5 }, new[] { 0.9, 0.3 } };
        var (m1, v1, m2, v2) = (new double[3], new double[3], new double[3], new double[3]);

        last!.Predict(probe, m1, v1);
        direct.Predict(probe, m2, v2);

        Assert.Equal(m1, m2);
        Assert.Equal(v1, v2);
        Assert.Equal(last.Hyperparameters["length_scale_0"], direct.Hyperparameters["length_scale_0"]);
    }

    private static (double[][] X, double[] Y) Smooth(int count, int seed)
    {
        var random = new Random(seed);
        var x = Enumerable.Range(0, count).Select(_ => new[] { random.NextDouble(), random.NextDouble() }).ToArray();
        var y = x.Select(p => Math.Sin(3 * p[0]) + Math.Cos(2 * p[1]) + (0.01 * (random.NextDouble() - 0.5))).ToArray();
        return (x, y);
    }
}
