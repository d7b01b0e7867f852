using MathNet.Numerics.LinearAlgebra;
using SelfDrivingLab.Optimization.Proposals;
using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.Optimization.Tests.Surrogates;

public sealed class GaussianProcessJointTests
{
    [Fact]
    public void PredictJointFactor_SmallModel_ReproducesDenseMathNetPosteriorCovariance()
    {
        var random = new Random(12);
        var hp = new GaussianProcessHyperparameters([0.4, 0.9], 1.2, 0.05);
        var x = Enumerable.Range(0, 9).Select(_ => new[] { random.NextDouble(), random.NextDouble() }).ToArray();
        var y = x.Select(p => Math.Cos(3 * p[0]) + p[1]).ToArray();
        var model = GaussianProcessModel.Create(KernelKind.Rbf, hp, x, y, yMean: 0.5, yScale: 2);
        var candidates = Enumerable.Range(0, 6).Select(_ => new[] { random.NextDouble(), random.NextDouble() }).ToArray();
        var mean = new double[6];
        var factor = new double[36];

        model.PredictJointFactor(candidates, mean, factor);

        double Kernel(double[] a, double[] b) => 1.2 * Math.Exp(-0.5 * (Math.Pow((a[0] - b[0]) / 0.4, 2) + Math.Pow((a[1] - b[1]) / 0.9, 2)));
        var k = Matrix<double>.Build.Dense(9, 9, (a, b) => Kernel(x[a], x[b]) + (a == b ? 0.05 : 0));
        var cross = Matrix<double>.Build.Dense(6, 9, (a, b) => Kernel(candidates[a], x[b]));
        var prior = Matrix<double>.Build.Dense(6, 6, (a, b) => Kernel(candidates[a], candidates[b]));
        var expected = 4 * (prior - (cross * k.Inverse() * cross.Transpose()));
        var l = Matrix<double>.Build.Dense(6, 6, (a, b) => factor[(a * 6) + b]);
        var actual = l * l.Transpose();
        var expectedMean = (cross * k.Inverse() * Vector<double>.Build.DenseOfEnumerable(y.Select(v => (v - 0.5) / 2)) * 2) + 0.5;
        for (var a = 0; a < 6; a++)
        {
            Assert.Equal(expectedMean[a], mean[a], 1e-10);
            for (var b = 0; b < 6; b++)
            {
                // The factorization may add up to 1e-4 of jitter (standardized scale) when the posterior is nearly singular.
                Assert.Equal(expected[a, b], actual[a, b], 4 * 1.1e-4);
            }
        }
    }
}
