using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using SelfDrivingLab.Optimization.Proposals;

namespace SelfDrivingLab.Optimization.Surrogates;

/// <summary>
/// Vectorized rows of a stationary ARD kernel: scaled squared distances from one point to many training points stored
/// column-major (one contiguous array per input dimension), and the kernel values and length-scale factors of
/// <see cref="KernelFunctions"/> evaluated four at a time with Vector256 (sqrt and exp included).
/// </summary>
internal static class KernelRows
{
    private static readonly Vector256<double> Sqrt3 = Vector256.Create(Math.Sqrt(3));
    private static readonly Vector256<double> Sqrt5 = Vector256.Create(Math.Sqrt(5));

    /// <summary>
    /// r²[j] = Σᵢ (columns[i·stride + j] - point[i])²·inverseSquaredScales[i] for j &lt; <paramref name="count"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SquaredDistances(ReadOnlySpan<double> columns, int stride, ReadOnlySpan<double> point, ReadOnlySpan<double> inverseSquaredScales, Span<double> squared, int count)
    {
        var d = point.Length;
        if (columns.Length < ((d - 1) * (long)stride) + count || squared.Length < count || inverseSquaredScales.Length < d)
        {
            throw new ArgumentException("Kernel row buffers are too short.", nameof(columns));
        }

        ref var c0 = ref MemoryMarshal.GetReference(columns);
        ref var r0 = ref MemoryMarshal.GetReference(squared);
        var j = 0;
        for (; j <= count - 4; j += 4)
        {
            var sum = Vector256<double>.Zero;
            for (var i = 0; i < d; i++)
            {
                var delta = Vector256.LoadUnsafe(ref c0, (nuint)((i * stride) + j)) - Vector256.Create(point[i]);
                sum = Vector256.FusedMultiplyAdd(delta * Vector256.Create(inverseSquaredScales[i]), delta, sum);
            }

            sum.StoreUnsafe(ref r0, (nuint)j);
        }

        for (; j < count; j++)
        {
            var sum = 0.0;
            for (var i = 0; i < d; i++)
            {
                var delta = Unsafe.Add(ref c0, (i * stride) + j) - point[i];
                sum += delta * delta * inverseSquaredScales[i];
            }

            Unsafe.Add(ref r0, j) = sum;
        }
    }

    /// <summary>
    /// Replaces r² by scale·k(r) in place and, when <paramref name="factors"/> is not empty, writes scale·g(r)
    /// (<see cref="KernelFunctions.LengthScaleFactor"/>) there.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Transform(KernelKind kind, Span<double> values, Span<double> factors, double scale, int count)
    {
        var withFactors = !factors.IsEmpty;
        ref var v0 = ref MemoryMarshal.GetReference(values);
        ref var f0 = ref MemoryMarshal.GetReference(factors);
        var s = Vector256.Create(scale);
        var j = 0;
        for (; j <= count - 4; j += 4)
        {
            var r2 = Vector256.LoadUnsafe(ref v0, (nuint)j);
            Vector256<double> k;
            Vector256<double> g;
            switch (kind)
            {
                case KernelKind.Rbf:
                    k = Vector256.Exp(r2 * Vector256.Create(-0.5));
                    g = k;
                    break;
                case KernelKind.Matern32:
                    var r3 = Sqrt3 * Vector256.Sqrt(r2);
                    var e3 = Vector256.Exp(-r3);
                    k = (Vector256<double>.One + r3) * e3;
                    g = Vector256.Create(3.0) * e3;
                    break;
                default:
                    var r5 = Sqrt5 * Vector256.Sqrt(r2);
                    var e5 = Vector256.Exp(-r5);
                    var linear = Vector256<double>.One + r5;
                    k = (linear + (r5 * r5 * Vector256.Create(1.0 / 3.0))) * e5;
                    g = Vector256.Create(5.0 / 3.0) * linear * e5;
                    break;
            }

            (s * k).StoreUnsafe(ref v0, (nuint)j);
            if (withFactors)
            {
                (s * g).StoreUnsafe(ref f0, (nuint)j);
            }
        }

        for (; j < count; j++)
        {
            var r2 = values[j];
            values[j] = scale * KernelFunctions.Value(kind, r2);
            if (withFactors)
            {
                factors[j] = scale * KernelFunctions.LengthScaleFactor(kind, r2);
            }
        }
    }

    /// <summary>
    /// result[i] = Σ_{j &lt; count} weights[j]·(columns[i·stride + j] - point[i])² for every dimension i: the
    /// length-scale gradient contraction of one kernel row.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void WeightedSquaredDifferences(ReadOnlySpan<double> columns, int stride, ReadOnlySpan<double> point, ReadOnlySpan<double> weights, int count, Span<double> result)
    {
        if (columns.Length < ((point.Length - 1) * (long)stride) + count || weights.Length < count)
        {
            throw new ArgumentException("Kernel row buffers are too short.", nameof(columns));
        }

        ref var c0 = ref MemoryMarshal.GetReference(columns);
        ref var w0 = ref MemoryMarshal.GetReference(weights);
        for (var i = 0; i < point.Length; i++)
        {
            ref var column = ref Unsafe.Add(ref c0, i * stride);
            var p = Vector256.Create(point[i]);
            var sum = Vector256<double>.Zero;
            var j = 0;
            for (; j <= count - 4; j += 4)
            {
                var delta = Vector256.LoadUnsafe(ref column, (nuint)j) - p;
                sum = Vector256.FusedMultiplyAdd(delta * delta, Vector256.LoadUnsafe(ref w0, (nuint)j), sum);
            }

            var total = Vector256.Sum(sum);
            for (; j < count; j++)
            {
                var delta = Unsafe.Add(ref column, j) - point[i];
                total += delta * delta * Unsafe.Add(ref w0, j);
            }

            result[i] = total;
        }
    }

    /// <summary>Copies row-major points into column-major storage (dimension i at [i·count, (i+1)·count)).</summary>
    public static double[] ToColumns(IReadOnlyList<double[]> points, int dimension, int capacity)
    {
        var columns = new double[dimension * capacity];
        for (var j = 0; j < points.Count; j++)
        {
            for (var i = 0; i < dimension; i++)
            {
                columns[(i * capacity) + j] = points[j][i];
            }
        }

        return columns;
    }
}
