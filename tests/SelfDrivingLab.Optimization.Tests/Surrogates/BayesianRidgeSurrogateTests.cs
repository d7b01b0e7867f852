using MathNet.Numerics.LinearAlgebra;
using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.Optimization.Tests.Surrogates;

public sealed class BayesianRidgeSurrogateTests
{
    private static (double[][] X, double[] Y) LinearData(int n, double noise, int seed)
    {
        var random = new Random(seed);
        var x = Enumerable.Range(0, n).Select(_ => new[] { random.NextDouble(), random.NextDouble(), random.NextDouble() }).ToArray();
        var y = x.Select(p => 1 + (2 * p[0]) - p[1] + (0.5 * p[2]) + (noise * (random.NextDouble() - 0.5) * Math.Sqrt(12))).ToArray();
        return (x, y);
    }

    [Fact]
    public void Create_FixedPrecisions_MatchesNormalEquationsAndNoiseIsOneOverAlpha()
    {
        var (x, y) = LinearData(20, 0.3, 1);
        const double alpha = 4;
        const double lambda = 0.5;
        var model = BayesianRidgeModel.Create(x, y, 1, alpha, lambda, yScale: 1, iterations: 0);
        double[] probe = [0.3, 0.6, 0.9];

        var (mean, variance) = (new double[1], new double[1]);
        model.Predict([probe], mean, variance);

        var xMean = Enumerable.Range(0, 3).Select(j => x.Average(r => r[j])).ToArray();
        var design = Matrix<double>.Build.Dense(20, 3, (i, j) => x[i][j] - xMean[j]);
        var target = Vector<double>.Build.Dense(20, i => y[i] - y.Average());
        var gram = design.TransposeThisAndMultiply(design);
        var weights = (gram + ((lambda / alpha) * Matrix<double>.Build.DenseIdentity(3))).Solve(design.TransposeThisAndMultiply(target));
        var centered = Vector<double>.Build.Dense(3, j => probe[j] - xMean[j]);
        var sigma = ((alpha * gram) + (lambda * Matrix<double>.Build.DenseIdentity(3))).Inverse();
        Assert.Equal(y.Average() + (centered * weights), mean[0], 10);
        Assert.Equal(centered * (sigma * centered), variance[0], 10);
        Assert.Equal(1 / alpha, model.NoiseVariance, 12);
    }

    [Fact]
    public void EvidencePrecisions_Converged_IsAFixedPointOfTheUpdates()
    {
        var (x, y) = LinearData(50, 0.2, 2);
        var (centered, _) = BayesianRidgeModel.Center(x);
        var target = y.Select(v => v - y.Average()).ToArray();
        var options = new BayesianRidgeOptions { Tolerance = 1e-10, MaxIterations = 1000 };

        var (alpha, lambda, iterations) = BayesianRidgeSurrogate.EvidencePrecisions(centered, target, options);

        // One more MacKay update from (α, λ), computed independently with dense algebra, must not move them.
        var design = Matrix<double>.Build.DenseOfRowArrays(centered);
        var yv = Vector<double>.Build.DenseOfArray(target);
        var gram = design.TransposeThisAndMultiply(design);
        var sigma = ((alpha * gram) + (lambda * Matrix<double>.Build.DenseIdentity(3))).Inverse();
        var w = alpha * (sigma * design.TransposeThisAndMultiply(yv));
        var gamma = gram.Evd().EigenValues.Sum(e => alpha * e.Real / (lambda + (alpha * e.Real)));
        var residual = yv - (design * w);
        var nextLambda = (gamma + 2e-6) / ((w * w) + 2e-6);
        var nextAlpha = (50 - gamma + 2e-6) / ((residual * residual) + 2e-6);
        Assert.True(iterations < 1000);
        Assert.Equal(1, nextAlpha / alpha, 6);
        Assert.Equal(1, nextLambda / lambda, 6);
    }

    [Fact]
    public void Fit_LinearDataWithKnownNoise_EstimatesNoisePrecisionAndSlopes()
    {
        var (x, y) = LinearData(400, 0.1, 3);

        var model = new BayesianRidgeSurrogate().Fit(x, y);
        var (mean, variance) = (new double[2], new double[2]);
        model.Predict([[0, 0, 0], [1, 1, 1]], mean, variance);

        Assert.InRange(model.Hyperparameters["alpha"], 100 * 0.75, 100 * 1.33); // 1/σ² with σ = 0.1
        Assert.Equal(1, mean[0], 1);
        Assert.Equal(2.5, mean[1], 1);
        Assert.InRange(variance[0] + model.NoiseVariance, 0.007, 0.015);
        Assert.InRange(model.NoiseVariance, 0.01 * 0.75, 0.01 * 1.33);
    }

    [Fact]
    public void Fit_QuadraticDataWithPolynomialFeatures_FitsCurvature()
    {
        var random = new Random(4);
        var x = Enumerable.Range(0, 60).Select(_ => new[] { random.NextDouble(), random.NextDouble() }).ToArray();
        var y = x.Select(p => Math.Pow(p[0] - 0.5, 2) + (p[0] * p[1])).ToArray();

        var model = new BayesianRidgeSurrogate(new BayesianRidgeOptions { PolynomialDegree = 2 }).Fit(x, y);
        var (mean, variance) = (new double[1], new double[1]);
        model.Predict([[0.9, 0.2]], mean, variance);

        Assert.Equal(0.16 + 0.18, mean[0], 3);
    }

    [Fact]
    public void Condition_FantasyAtPrediction_KeepsPredictionAndShrinksVariance()
    {
        var (x, y) = LinearData(10, 0.3, 5);
        var model = new BayesianRidgeSurrogate().Fit(x, y);
        double[] point = [0.5, 0.5, 0.5];
        var (m0, v0, m1, v1) = (new double[1], new double[1], new double[1], new double[1]);
        model.Predict([point], m0, v0);

        var conditioned = model.Condition(point, m0[0]);
        conditioned.Predict([point], m1, v1);

        Assert.Equal(11, conditioned.DataCount);
        Assert.True(v1[0] < v0[0]);
        Assert.Equal(m0[0], m1[0], 1);
    }
}
