using SelfDrivingLab.Optimization.Proposals;
using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.Optimization.Tests.Surrogates;

public sealed class GaussianProcessModelTests
{
    private static readonly GaussianProcessHyperparameters Hp = new([0.5], 2.0, 0.1);

    [Fact]
    public void Predict_OnePoint_MatchesHandComputedPosterior()
    {
        // RBF, ℓ = 0.5, σ_f² = 2, σ_n² = 0.1, one observation y = 3 at x = 0.2; y standardized with mean 1, scale 2.
        var model = GaussianProcessModel.Create(KernelKind.Rbf, Hp, [[0.2]], [3.0], yMean: 1, yScale: 2);
        var mean = new double[1];
        var variance = new double[1];

        model.Predict([[0.5]], mean, variance);

        var k = 2 * Math.Exp(-0.5 * 0.36); // r² = (0.3/0.5)²
        Assert.Equal(1 + (2 * (k * 1.0 / 2.1)), mean[0], 12);
        Assert.Equal(4 * (2 - (k * k / 2.1)), variance[0], 12);
    }

    [Fact]
    public void Predict_TwoPoints_MatchesHandComputedPosterior()
    {
        var model = GaussianProcessModel.Create(KernelKind.Matern52, Hp, [[0.0], [1.0]], [1.0, -1.0], yMean: 0, yScale: 1);
        var mean = new double[1];
        var variance = new double[1];

        model.Predict([[0.25]], mean, variance);

        static double Matern(double distance)
        {
            var r = Math.Sqrt(5) * distance / 0.5;
            return 2 * (1 + r + (r * r / 3)) * Math.Exp(-r);
        }

        // K = [[a, b], [b, a]] with a = σ_f² + σ_n²; K⁻¹ = [[a, -b], [-b, a]]/(a² - b²).
        var a = 2.1;
        var b = Matern(1);
        var k0 = Matern(0.25);
        var k1 = Matern(0.75);
        var determinant = (a * a) - (b * b);
        var w0 = ((a * k0) - (b * k1)) / determinant;
        var w1 = ((a * k1) - (b * k0)) / determinant;
        Assert.Equal(w0 - w1, mean[0], 12);
        Assert.Equal(2 - ((k0 * w0) + (k1 * w1)), variance[0], 12);
    }

    [Fact]
    public void Condition_FantasyPoint_EqualsModelBuiltWithIt()
    {
        var hp = new GaussianProcessHyperparameters([0.3, 0.7], 1.5, 0.01);
        double[][] x = [[0.1, 0.2], [0.8, 0.4], [0.5, 0.9]];
        double[] y = [1, 2, 0.5];
        var conditioned = GaussianProcessModel.Create(KernelKind.Matern32, hp, x, y, 1, 0.7).Condition([0.3, 0.3], 1.7);
        var direct = GaussianProcessModel.Create(KernelKind.Matern32, hp, [.. x, [0.3, 0.3]], [.. y, 1.7], 1, 0.7);
        double[][] probe = [[0.0, 0.0], [0.4, 0.35], [1, 1]];
        var (m1, v1, m2, v2) = (new double[3], new double[3], new double[3], new double[3]);

        conditioned.Predict(probe, m1, v1);
        direct.Predict(probe, m2, v2);

        Assert.Equal(4, conditioned.DataCount);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(m2[i], m1[i], 10);
            Assert.Equal(v2[i], v1[i], 10);
        }
    }

    [Fact]
    public void Predict_ManyCandidates_AgreesWithSinglePointPredictionsAcrossChunks()
    {
        var random = new Random(1);
        var hp = new GaussianProcessHyperparameters([0.4, 0.4, 0.4], 1, 1e-4);
        var x = Enumerable.Range(0, 30).Select(_ => new[] { random.NextDouble(), random.NextDouble(), random.NextDouble() }).ToArray();
        var y = x.Select(p => Math.Sin(5 * p[0]) + p[1]).ToArray();
        var model = GaussianProcessModel.Create(KernelKind.Matern52, hp, x, y, 0.3, 1.2);
        var candidates = Enumerable.Range(0, 600).Select(_ => new[] { random.NextDouble(), random.NextDouble(), random.NextDouble() }).ToArray();
        var mean = new double[600];
        var variance = new double[600];

        model.Predict(candidates, mean, variance);

        foreach (var i in new[] { 0, 255, 256, 511, 599 })
        {
            var (m, v) = (new double[1], new double[1]);
            model.Predict([candidates[i]], m, v);
            Assert.Equal(m[0], mean[i], 10);
            Assert.Equal(v[0], variance[i], 10);
        }
    }

    [Fact]
    public void Predict_200ObservationsBy10000Candidates_AllFiniteAndEqualToOneByOne()
    {
        // Speed lives in the benchmark (sdl bench surrogate); this pins the chunked path's results.
        var random = new Random(2);
        var hp = new GaussianProcessHyperparameters(Enumerable.Repeat(0.5, 10).ToArray(), 1, 1e-3);
        var x = Enumerable.Range(0, 200).Select(_ => Enumerable.Range(0, 10).Select(_ => random.NextDouble()).ToArray()).ToArray();
        var y = x.Select(p => p.Sum()).ToArray();
        var model = GaussianProcessModel.Create(KernelKind.Matern52, hp, x, y, 5, 1);
        var candidates = Enumerable.Range(0, 10_000).Select(_ => Enumerable.Range(0, 10).Select(_ => random.NextDouble()).ToArray()).ToArray();
        var mean = new double[candidates.Length];
        var variance = new double[candidates.Length];

        model.Predict(candidates, mean, variance);

        Assert.All(variance, v => Assert.True(double.IsFinite(v) && v >= 0));
        var one = new double[1];
        var oneVariance = new double[1];
        foreach (var i in new[] { 0, 4_999, 9_999 })
        {
            model.Predict([candidates[i]], one, oneVariance);
            Assert.Equal(one[0], mean[i], 10);
            Assert.Equal(oneVariance[0], variance[i], 10);
        }
    }
}
