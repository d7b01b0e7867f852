using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SelfDrivingLab.Optimization.Linear;

/// <summary>
/// C += s·A·Bᵀ on row-major matrices (the "NT" form: every entry of C is a dot product of a row of A with a row of B,
/// so all reads are contiguous). This single kernel carries the Cholesky factorization, the triangular inverse, K⁻¹ and
/// the predictive variance. Cache-blocked (k in slices of <see cref="DepthBlock"/>, A in panels of
/// <see cref="RowBlock"/> rows that stay in L2) with a 4×4 register tile of Vector256 accumulators: eight loads feed
/// sixteen fused multiply-adds. Deterministic: the summation order depends only on the shapes. Thread-safe (no state).
/// </summary>
internal static class GemmKernel
{
    private const int DepthBlock = 256;
    private const int RowBlock = 64;
    private const int Tile = 4;

    /// <summary>
    /// C[i·ldc + j] += scale · Σ_p A[i·lda + p]·B[j·ldb + p] for i &lt; m, j &lt; n, p &lt; k. The spans start at the
    /// first element of each matrix.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyAddTransposed(
        ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> b, int ldb, Span<double> c, int ldc, int m, int n, int k, double scale)
    {
        if (m <= 0 || n <= 0 || k <= 0)
        {
            return;
        }

        // The tiles read through refs without bounds checks, so the extents are checked once here.
        if (a.Length < ((m - 1) * (long)lda) + k || b.Length < ((n - 1) * (long)ldb) + k || c.Length < ((m - 1) * (long)ldc) + n)
        {
            throw new ArgumentException($"Matrix spans are too short for the {m}×{n}×{k} product.", nameof(a));
        }

        ref var a0 = ref MemoryMarshal.GetReference(a);
        ref var b0 = ref MemoryMarshal.GetReference(b);
        ref var c0 = ref MemoryMarshal.GetReference(c);
        for (var p0 = 0; p0 < k; p0 += DepthBlock)
        {
            var kb = Math.Min(DepthBlock, k - p0);
            for (var i0 = 0; i0 < m; i0 += RowBlock)
            {
                var mb = Math.Min(RowBlock, m - i0);
                for (var j = 0; j < n; j += Tile)
                {
                    var nb = Math.Min(Tile, n - j);
                    for (var i = i0; i < i0 + mb; i += Tile)
                    {
                        var rows = Math.Min(Tile, i0 + mb - i);
                        ref var ai = ref Unsafe.Add(ref a0, (nint)i * lda + p0);
                        ref var bj = ref Unsafe.Add(ref b0, (nint)j * ldb + p0);
                        ref var cij = ref Unsafe.Add(ref c0, (nint)i * ldc + j);
                        if (rows == Tile && nb == Tile)
                        {
                            Tile4x4(ref ai, lda, ref bj, ldb, ref cij, ldc, kb, scale);
                        }
                        else
                        {
                            Edge(ref ai, lda, ref bj, ldb, ref cij, ldc, rows, nb, kb, scale);
                        }
                    }
                }
            }
        }
    }

    /// <summary>Σ_p x[p]·y[p], vectorized with four independent accumulators.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Dot(ref double x, ref double y, int length)
    {
        var s0 = Vector256<double>.Zero;
        var s1 = Vector256<double>.Zero;
        var p = 0;
        for (; p <= length - 8; p += 8)
        {
            s0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x, (nuint)p), Vector256.LoadUnsafe(ref y, (nuint)p), s0);
            s1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x, (nuint)(p + 4)), Vector256.LoadUnsafe(ref y, (nuint)(p + 4)), s1);
        }

        var sum = Vector256.Sum(s0 + s1);
        for (; p < length; p++)
        {
            sum += Unsafe.Add(ref x, p) * Unsafe.Add(ref y, p);
        }

        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Edge(ref double a, int lda, ref double b, int ldb, ref double c, int ldc, int rows, int columns, int k, double scale)
    {
        for (var r = 0; r < rows; r++)
        {
            for (var q = 0; q < columns; q++)
            {
                Unsafe.Add(ref c, (nint)r * ldc + q) += scale * Dot(ref Unsafe.Add(ref a, (nint)r * lda), ref Unsafe.Add(ref b, (nint)q * ldb), k);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile4x4(ref double a, int lda, ref double b, int ldb, ref double c, int ldc, int k, double scale)
    {
        ref var a1 = ref Unsafe.Add(ref a, lda);
        ref var a2 = ref Unsafe.Add(ref a, 2 * lda);
        ref var a3 = ref Unsafe.Add(ref a, 3 * lda);
        ref var b1 = ref Unsafe.Add(ref b, ldb);
        ref var b2 = ref Unsafe.Add(ref b, 2 * ldb);
        ref var b3 = ref Unsafe.Add(ref b, 3 * ldb);
        Vector256<double> c00 = default, c01 = default, c02 = default, c03 = default;
        Vector256<double> c10 = default, c11 = default, c12 = default, c13 = default;
        Vector256<double> c20 = default, c21 = default, c22 = default, c23 = default;
        Vector256<double> c30 = default, c31 = default, c32 = default, c33 = default;
        var p = 0;
        for (; p <= k - 4; p += 4)
        {
            var offset = (nuint)p;
            var x0 = Vector256.LoadUnsafe(ref a, offset);
            var x1 = Vector256.LoadUnsafe(ref a1, offset);
            var x2 = Vector256.LoadUnsafe(ref a2, offset);
            var x3 = Vector256.LoadUnsafe(ref a3, offset);
            var y = Vector256.LoadUnsafe(ref b, offset);
            c00 = Vector256.FusedMultiplyAdd(x0, y, c00);
            c10 = Vector256.FusedMultiplyAdd(x1, y, c10);
            c20 = Vector256.FusedMultiplyAdd(x2, y, c20);
            c30 = Vector256.FusedMultiplyAdd(x3, y, c30);
            y = Vector256.LoadUnsafe(ref b1, offset);
            c01 = Vector256.FusedMultiplyAdd(x0, y, c01);
            c11 = Vector256.FusedMultiplyAdd(x1, y, c11);
            c21 = Vector256.FusedMultiplyAdd(x2, y, c21);
            c31 = Vector256.FusedMultiplyAdd(x3, y, c31);
            y = Vector256.LoadUnsafe(ref b2, offset);
            c02 = Vector256.FusedMultiplyAdd(x0, y, c02);
            c12 = Vector256.FusedMultiplyAdd(x1, y, c12);
            c22 = Vector256.FusedMultiplyAdd(x2, y, c22);
            c32 = Vector256.FusedMultiplyAdd(x3, y, c32);
            y = Vector256.LoadUnsafe(ref b3, offset);
            c03 = Vector256.FusedMultiplyAdd(x0, y, c03);
            c13 = Vector256.FusedMultiplyAdd(x1, y, c13);
            c23 = Vector256.FusedMultiplyAdd(x2, y, c23);
            c33 = Vector256.FusedMultiplyAdd(x3, y, c33);
        }

        Span<double> sums =
        [
            Vector256.Sum(c00), Vector256.Sum(c01), Vector256.Sum(c02), Vector256.Sum(c03),
            Vector256.Sum(c10), Vector256.Sum(c11), Vector256.Sum(c12), Vector256.Sum(c13),
            Vector256.Sum(c20), Vector256.Sum(c21), Vector256.Sum(c22), Vector256.Sum(c23),
            Vector256.Sum(c30), Vector256.Sum(c31), Vector256.Sum(c32), Vector256.Sum(c33),
        ];
        for (; p < k; p++)
        {
            for (var r = 0; r < Tile; r++)
            {
                var x = Unsafe.Add(ref a, (nint)r * lda + p);
                for (var q = 0; q < Tile; q++)
                {
                    sums[(r * Tile) + q] += x * Unsafe.Add(ref b, (nint)q * ldb + p);
                }
            }
        }

        for (var r = 0; r < Tile; r++)
        {
            for (var q = 0; q < Tile; q++)
            {
                Unsafe.Add(ref c, (nint)r * ldc + q) += scale * sums[(r * Tile) + q];
            }
        }
    }
}
