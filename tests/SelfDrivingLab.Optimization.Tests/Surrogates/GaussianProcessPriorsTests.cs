using SelfDrivingLab.Optimization.Proposals;
using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.Optimization.Tests.Surrogates;

public sealed class GaussianProcessPriorsTests
{
    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Fact]
    public void AddLogDensity_KnownTheta_IsTheNormalLogDensityInLogSpace()
    {
        // d = 2: log ℓ ~ N(√2 + ½ ln 2, 3), log σ_n² ~ N(-4, 4); the signal variance has no prior.
        double[] theta = [Math.Log(0.5), Math.Log(2), 0.7, Math.Log(0.01)];
        var gradient = new double[4];
        var mean = Math.Sqrt(2) + (0.5 * Math.Log(2));

        var value = GaussianProcessPriors.Default.AddLogDensity(theta, gradient);

        var expected = (-0.5 * Math.Pow(theta[0] - mean, 2) / 3) - (0.5 * Math.Pow(theta[1] - mean, 2) / 3) - (0.5 * Math.Pow(theta[3] + 4, 2) / 4);
        Assert.Equal(expected, value, 12);
        Assert.Equal(-(theta[0] - mean) / 3, gradient[0], 12);
        Assert.Equal(-(theta[1] - mean) / 3, gradient[1], 12);
        Assert.Equal(0, gradient[2]);
        Assert.Equal(-(theta[3] + 4) / 4, gradient[3], 12);
    }

    [Fact]
    public void Fit_WithPriors_EndsAtAStationaryPointOfTheLogPosterior()
    {
        var random = new Random(3);
        var x = Enumerable.Range(0, 25).Select(_ => new[] { random.NextDouble(), random.NextDouble() }).ToArray();
        var y = x.Select(p => Math.Sin(4 * p[0]) + (0.5 * p[1]) + (0.1 * Gaussian(random))).ToArray();

        var model = (GaussianProcessModel)new GaussianProcessSurrogate(new GaussianProcessOptions { Seed = 1 }).Fit(x, y);

        var theta = model.StandardizedHyperparameters.ToLog();
        var (mean, sd) = (y.Average(), Math.Sqrt(y.Sum(v => (v - y.Average()) * (v - y.Average())) / y.Length));
        var gradient = new double[theta.Length];
        GaussianProcessLikelihood.Evaluate(x, [.. y.Select(v => (v - mean) / sd)], KernelKind.Matern52, theta, gradient);
        GaussianProcessPriors.Default.AddLogDensity(theta, gradient);
        Assert.All(gradient, g => Assert.InRange(g, -1e-3, 1e-3));
    }

    [Fact]
    public void Fit_FewSmoothPointsWithoutReplicates_KeepsNoiseAtThePriorsScaleNotTheBound()
    {
        double[][] x = [[0.1, 0.2], [0.4, 0.9], [0.7, 0.5], [0.95, 0.1], [0.3, 0.6]];
        var y = x.Select(p => (2 * p[0]) - p[1]).ToArray();

        var map = (GaussianProcessModel)new GaussianProcessSurrogate().Fit(x, y);
        var ml = (GaussianProcessModel)new GaussianProcessSurrogate(new GaussianProcessOptions { Priors = null }).Fit(x, y);

        // Maximum likelihood interpolates exactly (noise at its 1e-6 bound); the prior keeps a plausible noise floor.
        Assert.InRange(map.StandardizedHyperparameters.NoiseVariance, 1e-4, 0.2);
        Assert.True(ml.StandardizedHyperparameters.NoiseVariance < 1e-4, $"ML noise {ml.StandardizedHyperparameters.NoiseVariance}");
    }

    [Fact]
    public void Fit_ReplicatedNoisyMeasurements_EstimatesTheNoiseVariance()
    {
        // 30 designs measured 3 times each with noise sd 0.3 on a smooth function of range ~2.
        var random = new Random(11);
        var designs = Enumerable.Range(0, 30).Select(_ => new[] { random.NextDouble(), random.NextDouble() }).ToArray();
        var x = designs.SelectMany(d => Enumerable.Repeat(d, 3)).ToArray();
        var y = x.Select(p => Math.Sin(3 * p[0]) + p[1] + (0.3 * Gaussian(random))).ToArray();

        var model = new GaussianProcessSurrogate().Fit(x, y);

        Assert.InRange(model.NoiseVariance, 0.09 / 1.6, 0.09 * 1.6);
        Assert.Equal(model.Hyperparameters["noise_variance"], model.NoiseVariance, 12);
    }

    [Fact]
    public void Validate_NonPositiveScale_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => new GaussianProcessSurrogate(new GaussianProcessOptions { Priors = new GaussianProcessPriors { NoiseScale = 0 } }));

        Assert.Contains("NoiseScale", error.Message, StringComparison.Ordinal);
    }
}
