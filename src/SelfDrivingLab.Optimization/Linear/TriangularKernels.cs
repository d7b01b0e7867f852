using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SelfDrivingLab.Optimization.Linear;

/// <summary>
/// Blocked Cholesky factorization, triangular inverse and SPD inverse on dense row-major n×n buffers (LAPACK's potrf,
/// trtri and lauum, in the dot-product form of <see cref="GemmKernel"/>). Each spends almost all its n³/3 flops in
/// <see cref="GemmKernel.MultiplyAddTransposed"/>; the small diagonal blocks use vectorized dot products. Thread-safe
/// (no state); callers own the buffers.
/// </summary>
internal static class TriangularKernels
{
    private const int Block = 64;

    /// <summary>
    /// Overwrites the lower triangle of <paramref name="matrix"/> (only the lower triangle is read) with L such that
    /// A = LLᵀ. Returns false when a pivot is not positive and finite (not positive definite); the buffer is then
    /// partly overwritten. Entries above the diagonal are left unspecified.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryFactor(Span<double> matrix, int n)
    {
        CheckSize(matrix.Length, n);
        ref var a = ref MemoryMarshal.GetReference(matrix);
        for (var jb = 0; jb < n; jb += Block)
        {
            var je = Math.Min(jb + Block, n);

            // Left-looking update of the block column: A[jb:, jb:je] -= L[jb:, :jb]·L[jb:je, :jb]ᵀ.
            GemmKernel.MultiplyAddTransposed(matrix[(jb * n)..], n, matrix[(jb * n)..], n, matrix[((jb * n) + jb)..], n, n - jb, je - jb, jb, -1);
            for (var i = jb; i < n; i++)
            {
                ref var rowI = ref Unsafe.Add(ref a, ((nint)i * n) + jb);
                var last = Math.Min(i + 1, je);
                for (var j = jb; j < last; j++)
                {
                    ref var rowJ = ref Unsafe.Add(ref a, ((nint)j * n) + jb);
                    var s = Unsafe.Add(ref rowI, j - jb) - GemmKernel.Dot(ref rowI, ref rowJ, j - jb);
                    if (i == j)
                    {
                        if (!(s > 0) || !double.IsFinite(s))
                        {
                            return false;
                        }

                        Unsafe.Add(ref rowI, j - jb) = Math.Sqrt(s);
                    }
                    else
                    {
                        Unsafe.Add(ref rowI, j - jb) = s / Unsafe.Add(ref rowJ, j - jb);
                    }
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Writes X = L⁻¹ (lower triangular, zeros above the diagonal) into <paramref name="inverse"/>, using
    /// <paramref name="work"/> (n²) for Lᵀ. Solves XL = I row by row from the right, which reads rows of X and Lᵀ only.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void InvertLower(ReadOnlySpan<double> lower, Span<double> work, Span<double> inverse, int n)
    {
        CheckSize(lower.Length, n);
        CheckSize(work.Length, n);
        CheckSize(inverse.Length, n);
        TransposeLower(lower, work, n);
        ReadOnlySpan<double> upper = work;
        inverse[..(n * n)].Clear();
        ref var x = ref MemoryMarshal.GetReference(inverse);
        ref var u = ref MemoryMarshal.GetReference(upper);
        for (var i0 = 0; i0 < n; i0 += Block)
        {
            var i1 = Math.Min(i0 + Block, n);
            for (var i = i0; i < i1; i++)
            {
                inverse[(i * n) + i] = 1;
            }

            for (var j0 = i0; j0 >= 0; j0 -= Block)
            {
                var j1 = Math.Min(j0 + Block, n);

                // X[I, J] -= X[I, j1:i1]·Lᵀ[J, j1:i1]ᵀ: the columns right of this block are final.
                GemmKernel.MultiplyAddTransposed(inverse[((i0 * n) + j1)..], n, upper[((j0 * n) + j1)..], n, inverse[((i0 * n) + j0)..], n, i1 - i0, j1 - j0, i1 - j1, -1);
                for (var i = i0; i < i1; i++)
                {
                    ref var rowX = ref Unsafe.Add(ref x, (nint)i * n);
                    var end = Math.Min(j1, i + 1);
                    for (var j = end - 1; j >= j0; j--)
                    {
                        ref var rowU = ref Unsafe.Add(ref u, (nint)j * n);
                        var s = Unsafe.Add(ref rowX, j) - GemmKernel.Dot(ref Unsafe.Add(ref rowX, j + 1), ref Unsafe.Add(ref rowU, j + 1), end - j - 1);
                        Unsafe.Add(ref rowX, j) = s / Unsafe.Add(ref rowU, j);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Writes the lower triangle of K⁻¹ = XᵀX, where X = L⁻¹ is lower triangular (zeros above the diagonal), into
    /// <paramref name="result"/>; <paramref name="work"/> (n²) receives Xᵀ. Entries above the diagonal are unspecified.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void InverseFromInverseFactor(ReadOnlySpan<double> inverseFactor, Span<double> work, Span<double> result, int n)
    {
        CheckSize(inverseFactor.Length, n);
        CheckSize(work.Length, n);
        CheckSize(result.Length, n);
        TransposeLower(inverseFactor, work, n);
        ReadOnlySpan<double> y = work;
        result[..(n * n)].Clear();
        for (var a0 = 0; a0 < n; a0 += Block)
        {
            var a1 = Math.Min(a0 + Block, n);
            for (var b0 = 0; b0 <= a0; b0 += Block)
            {
                var b1 = Math.Min(b0 + Block, n);

                // K⁻¹[a, b] = Σ_{k ≥ a} Xᵀ[a, k]·Xᵀ[b, k]; Xᵀ is zero left of its diagonal, so k may start at a0.
                GemmKernel.MultiplyAddTransposed(y[((a0 * n) + a0)..], n, y[((b0 * n) + a0)..], n, result[((a0 * n) + b0)..], n, a1 - a0, b1 - b0, n - a0, 1);
            }
        }
    }

    /// <summary>Writes the transpose of the lower triangle of <paramref name="lower"/> (an upper triangle, zeros below).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void TransposeLower(ReadOnlySpan<double> lower, Span<double> upper, int n)
    {
        upper[..(n * n)].Clear();
        const int tile = 32;
        for (var i0 = 0; i0 < n; i0 += tile)
        {
            for (var j0 = 0; j0 <= i0; j0 += tile)
            {
                var iEnd = Math.Min(i0 + tile, n);
                for (var i = i0; i < iEnd; i++)
                {
                    var jEnd = Math.Min(Math.Min(j0 + tile, n), i + 1);
                    for (var j = j0; j < jEnd; j++)
                    {
                        upper[(j * n) + i] = lower[(i * n) + j];
                    }
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CheckSize(int length, int n)
    {
        if (n < 0 || length < (long)n * n)
        {
            throw new ArgumentException($"The {n}×{n} matrix needs {(long)n * n} elements (got {length}).", nameof(length));
        }
    }
}
