using MathNet.Numerics.LinearAlgebra;
using SelfDrivingLab.Optimization.Proposals;
using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.Optimization.Tests.Surrogates;

public sealed class GaussianProcessLikelihoodTests
{
    private static (double[][] X, double[] Y) Data()
    {
        var random = new Random(11);
        var x = Enumerable.Range(0, 12).Select(_ => new[] { random.NextDouble(), random.NextDouble() }).ToArray();
        var y = x.Select(p => Math.Sin(4 * p[0]) - p[1] + (0.05 * random.NextDouble())).ToArray();
        return (x, y);
    }

    private static double Kernel(KernelKind kind, double r2) => kind switch
    {
        KernelKind.Rbf => Math.Exp(-r2 / 2),
        KernelKind.Matern32 => (1 + Math.Sqrt(3 * r2)) * Math.Exp(-Math.Sqrt(3 * r2)),
        _ => (1 + Math.Sqrt(5 * r2) + (5 * r2 / 3)) * Math.Exp(-Math.Sqrt(5 * r2)),
    };

    [Theory]
    [InlineData(KernelKind.Rbf)]
    [InlineData(KernelKind.Matern32)]
    [InlineData(KernelKind.Matern52)]
    public void Evaluate_AnyKernel_MatchesDirectFormula(KernelKind kind)
    {
        var (x, y) = Data();
        double[] theta = [Math.Log(0.3), Math.Log(0.8), Math.Log(1.3), Math.Log(0.02)];
        var n = x.Length;
        var covariance = Matrix<double>.Build.Dense(n, n, (a, b) =>
        {
            var r2 = Math.Pow((x[a][0] - x[b][0]) / 0.3, 2) + Math.Pow((x[a][1] - x[b][1]) / 0.8, 2);
            return (1.3 * Kernel(kind, r2)) + (a == b ? 0.02 : 0);
        });
        var yv = Vector<double>.Build.DenseOfArray(y);
        var expected = (-0.5 * (yv * covariance.Solve(yv))) - (0.5 * Math.Log(covariance.Determinant())) - (0.5 * n * Math.Log(2 * Math.PI));

        var actual = GaussianProcessLikelihood.Evaluate(x, y, kind, theta, new double[4]);

        Assert.Equal(expected, actual, 9);
    }

    [Theory]
    [InlineData(KernelKind.Rbf)]
    [InlineData(KernelKind.Matern32)]
    [InlineData(KernelKind.Matern52)]
    public void Evaluate_AnyKernel_GradientMatchesCentralDifferences(KernelKind kind)
    {
        var (x, y) = Data();
        double[] theta = [Math.Log(0.25), Math.Log(1.1), Math.Log(0.9), Math.Log(0.05)];
        var gradient = new double[4];
        GaussianProcessLikelihood.Evaluate(x, y, kind, theta, gradient);

        const double h = 1e-5;
        for (var j = 0; j < theta.Length; j++)
        {
            var plus = (double[])theta.Clone();
            var minus = (double[])theta.Clone();
            plus[j] += h;
            minus[j] -= h;
            var numeric = (GaussianProcessLikelihood.Evaluate(x, y, kind, plus, new double[4]) - GaussianProcessLikelihood.Evaluate(x, y, kind, minus, new double[4])) / (2 * h);

            Assert.True(Math.Abs(numeric - gradient[j]) < 1e-5 * Math.Max(1, Math.Abs(numeric)), $"θ[{j}]: analytic {gradient[j]}, numeric {numeric}");
        }
    }
}
