using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace SelfDrivingLab.Optimization.Surrogates;

/// <summary>
/// Cholesky factor K = LLᵀ of a covariance matrix, computed by MathNet with jitter escalation (0, then 1e-10 up to
/// 1e-4 added to the diagonal) so that duplicate inputs never break a fit. L is also kept row-major for the hand-written
/// triangular solves of the hot paths.
/// </summary>
internal sealed class CholeskyFactor
{
    private static readonly double[] Jitters = [0, 1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4];

    private CholeskyFactor(Cholesky<double> factorization, double[] lower, int size, double jitter)
    {
        Factorization = factorization;
        Lower = lower;
        Size = size;
        Jitter = jitter;
    }

    /// <summary>MathNet's factorization (for dense solves such as K⁻¹).</summary>
    public Cholesky<double> Factorization { get; }

    /// <summary>L, row-major, <see cref="Size"/>².</summary>
    public double[] Lower { get; }

    public int Size { get; }

    /// <summary>What had to be added to the diagonal.</summary>
    public double Jitter { get; }

    /// <summary>Factors the symmetric <paramref name="size"/>² matrix <paramref name="symmetric"/> (not modified).</summary>
    /// <exception cref="ArgumentException">Not positive definite even with the largest jitter.</exception>
    public static CholeskyFactor Create(double[] symmetric, int size)
    {
        foreach (var jitter in Jitters)
        {
            var copy = (double[])symmetric.Clone();
            for (var i = 0; i < size; i++)
            {
                copy[(i * size) + i] += jitter;
            }

            Cholesky<double> factorization;
            try
            {
                factorization = new DenseMatrix(size, size, copy).Cholesky();
            }
            catch (ArgumentException)
            {
                continue;
            }

            var factor = factorization.Factor;
            var lower = new double[size * size];
            for (var i = 0; i < size; i++)
            {
                for (var j = 0; j <= i; j++)
                {
                    lower[(i * size) + j] = factor[i, j];
                }
            }

            if (lower.All(double.IsFinite))
            {
                return new CholeskyFactor(factorization, lower, size, jitter);
            }
        }

        throw new ArgumentException("The covariance matrix is not positive definite even with jitter 1e-4.", nameof(symmetric));
    }

    /// <summary>Solves L z = b in place (b has <paramref name="size"/> entries; L row-major).</summary>
    public static void ForwardSubstitute(ReadOnlySpan<double> lower, int size, Span<double> b)
    {
        for (var i = 0; i < size; i++)
        {
            var row = lower.Slice(i * size, i);
            var sum = b[i];
            for (var j = 0; j < row.Length; j++)
            {
                sum -= row[j] * b[j];
            }

            b[i] = sum / lower[(i * size) + i];
        }
    }

    /// <summary>Solves Lᵀ z = b in place.</summary>
    public static void BackSubstitute(ReadOnlySpan<double> lower, int size, Span<double> b)
    {
        for (var i = size - 1; i >= 0; i--)
        {
            var sum = b[i];
            for (var j = i + 1; j < size; j++)
            {
                sum -= lower[(j * size) + i] * b[j];
            }

            b[i] = sum / lower[(i * size) + i];
        }
    }

    /// <summary>K⁻¹b via both triangular solves.</summary>
    public static double[] Solve(ReadOnlySpan<double> lower, int size, ReadOnlySpan<double> b)
    {
        var z = b.ToArray();
        ForwardSubstitute(lower, size, z);
        BackSubstitute(lower, size, z);
        return z;
    }
}
