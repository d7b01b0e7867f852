using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.Optimization.Tests.Surrogates;

public sealed class RandomForestSurrogateTests
{
    private static (double[][] X, double[] Y) Step(int n)
    {
        var random = new Random(4);
        var x = Enumerable.Range(0, n).Select(_ => new[] { random.NextDouble(), random.NextDouble() }).ToArray();
        return (x, x.Select(p => p[0] > 0.5 ? 10.0 : 0.0).ToArray());
    }

    [Fact]
    public void Fit_StepFunction_PredictsBothLevelsWithTreesAgreeingFarFromTheStep()
    {
        var (x, y) = Step(40);

        var below = x.Where(p => p[0] <= 0.5).Max(p => p[0]);
        var above = x.Where(p => p[0] > 0.5).Min(p => p[0]);
        var model = new RandomForestSurrogate(new RandomForestOptions { Seed = 1 }).Fit(x, y);
        var mean = new double[3];
        var variance = new double[3];
        model.Predict([[0.05, 0.5], [0.95, 0.5], [(below + above) / 2, 0.5]], mean, variance);

        Assert.Equal(0, mean[0], 0.5);
        Assert.Equal(10, mean[1], 0.5);
        Assert.InRange(mean[2], 0, 10);
        Assert.True(variance[0] < 0.5 && variance[1] < 0.5, $"variances {string.Join(", ", variance.ToArray())}");
    }

    [Fact]
    public void Predict_TwoHandBuiltStumps_MeanAndVarianceOfTheirPredictions()
    {
        // Stump A: x0 ≤ 0.5 → 1 else 3; stump B: x0 ≤ 0.3 → 2 else 6 (a negative child c is leaf ~c).
        CompiledTree[] trees =
        [
            new([~0], [~1], [0], [0.5f], [1, 3]),
            new([~0], [~1], [0], [0.3f], [2, 6]),
        ];
        var model = new RandomForestModel(new RandomForestSurrogate(), [[0.0]], [0.0], trees, new Dictionary<string, double>());
        var mean = new double[3];
        var variance = new double[3];

        model.Predict([[0.2], [0.4], [0.9]], mean, variance);

        Assert.Equal([1.5, 3.5, 4.5], mean);
        Assert.Equal([0.25, 6.25, 2.25], variance);
    }

    [Fact]
    public void Predict_Variance_IsTheSpreadOfTheTrees()
    {
        var (x, y) = Step(60);

        var model = new RandomForestSurrogate(new RandomForestOptions { Trees = 10, Seed = 2 }).Fit(x, y);
        var mean = new double[1];
        var variance = new double[1];
        model.Predict([[0.48, 0.3]], mean, variance);

        // Every tree predicts 0 or 10-ish, so the spread is at most that of a two-point distribution on [0, 10].
        Assert.InRange(variance[0], 0, 25 + 1e-9);
        Assert.Equal(10, model.Hyperparameters["trees"]);
    }

    [Fact]
    public void Fit_SameSeed_IsDeterministic()
    {
        var (x, y) = Step(50);
        double[][] probe = [[0.3, 0.3], [0.6, 0.2]];
        var (m1, v1, m2, v2) = (new double[2], new double[2], new double[2], new double[2]);

        new RandomForestSurrogate(new RandomForestOptions { Seed = 7 }).Fit(x, y).Predict(probe, m1, v1);
        new RandomForestSurrogate(new RandomForestOptions { Seed = 7 }).Fit(x, y).Predict(probe, m2, v2);

        Assert.Equal(m1, m2);
        Assert.Equal(v1, v2);
    }
}
