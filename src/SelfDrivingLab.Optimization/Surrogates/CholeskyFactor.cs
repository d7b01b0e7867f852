using SelfDrivingLab.Optimization.Linear;

namespace SelfDrivingLab.Optimization.Surrogates;

/// <summary>
/// Cholesky factor K = LLᵀ of a covariance matrix with jitter escalation (0, then 1e-10 up to 1e-4 added to the
/// diagonal) so that duplicate inputs never break a fit. L is row-major; the factorization is the blocked SIMD kernel
/// of <see cref="TriangularKernels"/>.
/// </summary>
internal sealed class CholeskyFactor
{
    private static readonly double[] Jitters = [0, 1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4];

    private CholeskyFactor(double[] lower, int size, double jitter)
    {
        Lower = lower;
        Size = size;
        Jitter = jitter;
    }

    /// <summary>L, row-major, <see cref="Size"/>², zeros above the diagonal.</summary>
    public double[] Lower { get; }

    public int Size { get; }

    /// <summary>What had to be added to the diagonal.</summary>
    public double Jitter { get; }

    /// <summary>Factors the symmetric <paramref name="size"/>² matrix <paramref name="symmetric"/> (not modified).</summary>
    /// <exception cref="ArgumentException">Not positive definite even with the largest jitter.</exception>
    public static CholeskyFactor Create(double[] symmetric, int size)
    {
        var lower = new double[size * size];
        var jitter = FactorWithJitter(symmetric, lower, size);
        for (var i = 0; i < size; i++)
        {
            lower.AsSpan((i * size) + i + 1, size - i - 1).Clear();
        }

        return new CholeskyFactor(lower, size, jitter);
    }

    /// <summary>
    /// Writes L (lower triangle; the upper triangle is unspecified) of <paramref name="symmetric"/> plus the smallest
    /// sufficient jitter into <paramref name="factor"/> and returns that jitter. Only the lower triangle is read.
    /// </summary>
    /// <exception cref="ArgumentException">Not positive definite even with the largest jitter.</exception>
    public static double FactorWithJitter(ReadOnlySpan<double> symmetric, Span<double> factor, int size)
    {
        foreach (var jitter in Jitters)
        {
            symmetric[..(size * size)].CopyTo(factor);
            for (var i = 0; i < size; i++)
            {
                factor[(i * size) + i] += jitter;
            }

            if (TriangularKernels.TryFactor(factor, size))
            {
                return jitter;
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
}
