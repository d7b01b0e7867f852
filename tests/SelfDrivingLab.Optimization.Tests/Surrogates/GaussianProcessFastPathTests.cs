using MathNet.Numerics.LinearAlgebra;
using SelfDrivingLab.Optimization.Proposals;
using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.Optimization.Tests.Surrogates;

/// <summary>The blocked SIMD likelihood and prediction against the straightforward dense MathNet formulas.</summary>
public sealed class GaussianProcessFastPathTests
{
    private const int N = 150;
    private const int D = 3;

    private static readonly double[] LengthScales = [0.3, 0.7, 1.4];

    private static (double[][] X, double[] Y) Data(int n, int seed)
    {
        var random = new Random(seed);
        var x = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, D).Select(_ => random.NextDouble()).ToArray()).ToArray();
        var y = x.Select(p => Math.Sin(5 * p[0]) + (p[1] * p[2]) + (0.05 * random.NextDouble())).ToArray();
        return (x, y);
    }

    private static double Matern52(double r2)
    {
        var r = Math.Sqrt(5 * r2);
        return (1 + r + (r * r / 3)) * Math.Exp(-r);
    }

    private static double ScaledSquaredDistance(double[] a, double[] b) =>
        Enumerable.Range(0, D).Sum(i => Math.Pow((a[i] - b[i]) / LengthScales[i], 2));

    private static Matrix<double> Covariance(double[][] x, double signal, double noise) =>
        Matrix<double>.Build.Dense(x.Length, x.Length, (a, b) => (signal * Matern52(ScaledSquaredDistance(x[a], x[b]))) + (a == b ? noise : 0));

    [Fact]
    public void Evaluate_150Points_ValueAndGradientMatchDenseMathNetReference()
    {
        var (x, y) = Data(N, 3);
        const double signal = 1.3;
        const double noise = 0.02;
        double[] theta = [.. LengthScales.Select(l => Math.Log(l)), Math.Log(signal), Math.Log(noise)];
        var k = Covariance(x, signal, noise);
        var inverse = k.Inverse();
        var yv = Vector<double>.Build.DenseOfArray(y);
        var alpha = inverse * yv;
        var expected = (-0.5 * (yv * alpha)) - (0.5 * k.Cholesky().DeterminantLn) - (0.5 * N * Math.Log(2 * Math.PI));
        var w = alpha.OuterProduct(alpha) - inverse;

        // ∂K/∂log ℓᵢ = σ_f²·(5/3)(1 + √5 r)e^(-√5 r)·(Δᵢ/ℓᵢ)²; ∂K/∂log σ_f² = K - σ_n²I; ∂K/∂log σ_n² = σ_n²I.
        var expectedGradient = new double[D + 2];
        for (var i = 0; i < D; i++)
        {
            var index = i;
            var derivative = Matrix<double>.Build.Dense(N, N, (a, b) =>
            {
                var r = Math.Sqrt(5 * ScaledSquaredDistance(x[a], x[b]));
                return signal * (5.0 / 3.0) * (1 + r) * Math.Exp(-r) * Math.Pow((x[a][index] - x[b][index]) / LengthScales[index], 2);
            });
            expectedGradient[i] = 0.5 * (w * derivative).Trace();
        }

        expectedGradient[D] = 0.5 * (w * (k - (noise * Matrix<double>.Build.DenseIdentity(N)))).Trace();
        expectedGradient[D + 1] = 0.5 * noise * w.Trace();
        var gradient = new double[D + 2];

        var actual = GaussianProcessLikelihood.Evaluate(x, y, KernelKind.Matern52, theta, gradient);

        Assert.Equal(expected, actual, 1e-9 * Math.Abs(expected));
        for (var j = 0; j < gradient.Length; j++)
        {
            Assert.True(Math.Abs(expectedGradient[j] - gradient[j]) <= 1e-9 * Math.Max(1, Math.Abs(expectedGradient[j])), $"θ[{j}]: expected {expectedGradient[j]}, got {gradient[j]}");
        }
    }

    [Fact]
    public void Predict_ManyChunksInParallel_MatchesDenseMathNetPosterior()
    {
        var (x, y) = Data(N, 4);
        var hp = new GaussianProcessHyperparameters(LengthScales, 1.7, 0.01);
        var model = GaussianProcessModel.Create(KernelKind.Matern52, hp, x, y, yMean: 0.2, yScale: 1.5);
        var (candidates, _) = Data((2 * GaussianProcessModel.ChunkSize) + 37, 5);
        var mean = new double[candidates.Length];
        var variance = new double[candidates.Length];

        model.Predict(candidates, mean, variance);

        var inverse = Covariance(x, 1.7, 0.01).Inverse();
        var standardized = Vector<double>.Build.DenseOfEnumerable(y.Select(v => (v - 0.2) / 1.5));
        foreach (var c in new[] { 0, 5, GaussianProcessModel.ChunkSize, candidates.Length - 1 })
        {
            var cross = Vector<double>.Build.Dense(N, j => 1.7 * Matern52(ScaledSquaredDistance(candidates[c], x[j])));
            Assert.Equal(0.2 + (1.5 * (cross * (inverse * standardized))), mean[c], 1e-9);
            Assert.Equal(1.5 * 1.5 * (1.7 - (cross * (inverse * cross))), variance[c], 1e-9);
        }
    }

    [Fact]
    public void Fit_WarmStartAtPreviousOptimum_ReachesSameOptimumWithFewerEvaluations()
    {
        var (x, y) = Data(40, 6);
        var cold = new GaussianProcessSurrogate(new GaussianProcessOptions { Restarts = 1 }).Fit(x, y);

        var warm = new GaussianProcessSurrogate(new GaussianProcessOptions { Restarts = 1, InitialHyperparameters = cold.Hyperparameters }).Fit(x, y);

        Assert.Equal(cold.Hyperparameters["log_marginal_likelihood"], warm.Hyperparameters["log_marginal_likelihood"], 1e-4);
        Assert.True(warm.Hyperparameters["likelihood_evaluations"] < cold.Hyperparameters["likelihood_evaluations"]);
    }

    [Fact]
    public void Fit_WarmStartMissingALengthScale_ThrowsNamingIt()
    {
        var (x, y) = Data(10, 7);
        var options = new GaussianProcessOptions { InitialHyperparameters = new Dictionary<string, double> { ["length_scale_0"] = 0.2, ["signal_variance"] = 1, ["noise_variance"] = 0.01 } };

        var error = Assert.Throws<ArgumentException>(() => new GaussianProcessSurrogate(options).Fit(x, y));

        Assert.Contains("length_scale_1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_1000DuplicatedInputs_GivesFinitePredictions()
    {
        // 500 distinct points, each measured twice with different noise: K is singular without the noise term.
        var (unique, _) = Data(500, 8);
        var x = unique.Concat(unique).ToArray();
        var y = x.Select((p, i) => p.Sum() + (i < 500 ? 0.01 : -0.01)).ToArray();
        var options = new GaussianProcessOptions { Restarts = 1, MaxIterations = 3, MinNoiseVariance = 1e-9 };

        var model = new GaussianProcessSurrogate(options).Fit(x, y);
        var mean = new double[3];
        var variance = new double[3];
        model.Predict([x[0], x[1], [0.5, 0.5, 0.5]], mean, variance);

        Assert.All(mean, m => Assert.True(double.IsFinite(m)));
        Assert.All(variance, v => Assert.True(double.IsFinite(v) && v >= 0));
        Assert.True(double.IsFinite(model.Hyperparameters["log_marginal_likelihood"]));
        Assert.Equal(x[0].Sum(), mean[0], 0.05);
    }

    [Fact]
    public void Fit_1000ConstantObservations_PredictsTheConstant()
    {
        var (x, _) = Data(1000, 9);
        var y = Enumerable.Repeat(-4.5, 1000).ToArray();

        var model = new GaussianProcessSurrogate().Fit(x, y);
        var mean = new double[2];
        var variance = new double[2];
        model.Predict([x[3], [0.1, 0.9, 0.4]], mean, variance);

        Assert.All(mean, m => Assert.Equal(-4.5, m, 1e-9));
        Assert.All(variance, v => Assert.InRange(v, 0, 1e-3));
    }
}
