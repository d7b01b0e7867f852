using SelfDrivingLab.Optimization.Proposals;
using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.Optimization.Tests.Surrogates;

public sealed class GaussianProcessSurrogateTests
{
    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Fact]
    public void Fit_SampleFromKnownPrior_RecoversLengthScaleRoughly()
    {
        // Draw f ~ GP(0, RBF ℓ = 0.15) at 60 points via the Cholesky factor of K, then fit.
        var random = new Random(21);
        var x = Enumerable.Range(0, 60).Select(i => new[] { (i + random.NextDouble()) / 60 }).ToArray();
        var truth = new GaussianProcessHyperparameters([0.15], 1, 1e-4);
        var n = x.Length;
        var covariance = new double[n * n];
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                covariance[(a * n) + b] = Math.Exp(-0.5 * Math.Pow((x[a][0] - x[b][0]) / 0.15, 2)) + (a == b ? truth.NoiseVariance : 0);
            }
        }

        var lower = CholeskyFactor.Create(covariance, n).Lower;
        var z = Enumerable.Range(0, n).Select(_ => Gaussian(random)).ToArray();
        var y = Enumerable.Range(0, n).Select(a => Enumerable.Range(0, a + 1).Sum(b => lower[(a * n) + b] * z[b])).ToArray();

        var model = new GaussianProcessSurrogate(new GaussianProcessOptions { Kernel = KernelKind.Rbf, Seed = 3 }).Fit(x, y);

        Assert.InRange(model.Hyperparameters["length_scale_0"], 0.15 / 2, 0.15 * 2);
    }

    [Fact]
    public void Fit_IrrelevantDimension_GetsMuchLongerLengthScale()
    {
        var random = new Random(5);
        var x = Enumerable.Range(0, 40).Select(_ => new[] { random.NextDouble(), random.NextDouble() }).ToArray();
        var y = x.Select(p => Math.Sin(6 * p[0])).ToArray();

        var model = new GaussianProcessSurrogate().Fit(x, y);

        Assert.True(model.Hyperparameters["length_scale_1"] > 5 * model.Hyperparameters["length_scale_0"]);
        var (mean, variance) = (new double[1], new double[1]);
        model.Predict([[0.3, 0.5]], mean, variance);
        Assert.Equal(Math.Sin(1.8), mean[0], 2);
    }

    [Fact]
    public void Fit_DuplicateInputs_GivesFinitePredictions()
    {
        double[][] x = [[0.5, 0.5], [0.5, 0.5], [0.5, 0.5], [0.2, 0.1]];
        double[] y = [1.0, 1.2, 0.9, 3];

        var model = new GaussianProcessSurrogate().Fit(x, y);
        var (mean, variance) = (new double[2], new double[2]);
        model.Predict([[0.5, 0.5], [0.9, 0.9]], mean, variance);

        Assert.All(mean, m => Assert.True(double.IsFinite(m)));
        Assert.All(variance, v => Assert.True(double.IsFinite(v) && v >= 0));
        Assert.InRange(mean[0], 0.8, 1.3);
    }

    [Fact]
    public void Fit_ConstantY_PredictsConstantWithSmallVariance()
    {
        double[][] x = [[0.1], [0.4], [0.9]];

        var model = new GaussianProcessSurrogate().Fit(x, [7.0, 7.0, 7.0]);
        var (mean, variance) = (new double[2], new double[2]);
        model.Predict([[0.4], [0.6]], mean, variance);

        Assert.Equal(7.0, mean[0], 9);
        Assert.Equal(7.0, mean[1], 9);
        Assert.All(variance, v => Assert.InRange(v, 0, 1e-3));
    }

    [Fact]
    public void Fit_SameSeed_IsDeterministic()
    {
        var random = new Random(8);
        var x = Enumerable.Range(0, 15).Select(_ => new[] { random.NextDouble(), random.NextDouble() }).ToArray();
        var y = x.Select(p => (p[0] * p[0]) - p[1]).ToArray();

        var first = new GaussianProcessSurrogate(new GaussianProcessOptions { Seed = 4 }).Fit(x, y);
        var second = new GaussianProcessSurrogate(new GaussianProcessOptions { Seed = 4 }).Fit(x, y);

        Assert.Equal(first.Hyperparameters, second.Hyperparameters);
    }

    [Fact]
    public void Fit_RaggedInput_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new GaussianProcessSurrogate().Fit([[0.1], [0.2, 0.3]], [1, 2]));
        Assert.Throws<ArgumentException>(() => new GaussianProcessSurrogate().Fit([[0.1]], [double.NaN]));
        Assert.Throws<ArgumentException>(() => new GaussianProcessSurrogate(new GaussianProcessOptions { MinLengthScale = 300 }));
    }
}
