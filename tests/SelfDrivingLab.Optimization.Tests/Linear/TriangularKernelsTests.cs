using MathNet.Numerics.LinearAlgebra;
using SelfDrivingLab.Optimization.Linear;

namespace SelfDrivingLab.Optimization.Tests.Linear;

public sealed class TriangularKernelsTests
{
    /// <summary>A random SPD matrix BBᵀ + nI, row-major, and MathNet's copy of it.</summary>
    private static (double[] Dense, Matrix<double> Reference) RandomSpd(int n, int seed)
    {
        var random = new Random(seed);
        var b = Matrix<double>.Build.Dense(n, n, (_, _) => random.NextDouble() - 0.5);
        var spd = (b * b.Transpose()) + (n * 0.1 * Matrix<double>.Build.DenseIdentity(n));
        var dense = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                dense[(i * n) + j] = spd[i, j];
            }
        }

        return (dense, spd);
    }

    private static void AssertLowerClose(Matrix<double> expected, double[] actual, int n, double relative)
    {
        var scale = expected.Enumerate().Max(Math.Abs);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                Assert.True(Math.Abs(expected[i, j] - actual[(i * n) + j]) <= relative * scale, $"[{i},{j}]: expected {expected[i, j]}, got {actual[(i * n) + j]}");
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(150)]
    [InlineData(259)]
    public void TryFactor_RandomSpd_MatchesMathNetCholesky(int n)
    {
        var (dense, reference) = RandomSpd(n, n);

        Assert.True(TriangularKernels.TryFactor(dense, n));

        AssertLowerClose(reference.Cholesky().Factor, dense, n, 1e-12);
    }

    [Fact]
    public void TryFactor_IndefiniteMatrix_ReturnsFalse()
    {
        double[] matrix = [1, 2, 2, 1];

        Assert.False(TriangularKernels.TryFactor(matrix, 2));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(130)]
    [InlineData(259)]
    public void InvertLower_RandomFactor_MatchesMathNetInverse(int n)
    {
        var (dense, reference) = RandomSpd(n, 100 + n);
        Assert.True(TriangularKernels.TryFactor(dense, n));
        var inverse = new double[n * n];

        TriangularKernels.InvertLower(dense, new double[n * n], inverse, n);

        AssertLowerClose(reference.Cholesky().Factor.Inverse(), inverse, n, 1e-11);
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                Assert.Equal(0, inverse[(i * n) + j]);
            }
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(200)]
    public void InverseFromInverseFactor_RandomSpd_MatchesMathNetInverse(int n)
    {
        var (dense, reference) = RandomSpd(n, 200 + n);
        Assert.True(TriangularKernels.TryFactor(dense, n));
        var x = new double[n * n];
        var work = new double[n * n];
        TriangularKernels.InvertLower(dense, work, x, n);
        var result = new double[n * n];

        TriangularKernels.InverseFromInverseFactor(x, work, result, n);

        AssertLowerClose(reference.Inverse(), result, n, 1e-10);
    }

    [Theory]
    [InlineData(9, 6, 13)]
    [InlineData(70, 33, 300)]
    public void MultiplyAddTransposed_RandomMatrices_MatchesMathNetProduct(int m, int n, int k)
    {
        var random = new Random(m * n);
        var a = Matrix<double>.Build.Dense(m, k, (_, _) => random.NextDouble() - 0.5);
        var b = Matrix<double>.Build.Dense(n, k, (_, _) => random.NextDouble() - 0.5);
        var c = Matrix<double>.Build.Dense(m, n, (_, _) => random.NextDouble());
        var expected = c - (2 * a * b.Transpose());
        var actual = c.ToRowMajorArray();

        GemmKernel.MultiplyAddTransposed(a.ToRowMajorArray(), k, b.ToRowMajorArray(), k, actual, n, m, n, k, -2);

        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                Assert.Equal(expected[i, j], actual[(i * n) + j], 1e-12);
            }
        }
    }
}
