using System.Buffers;
using System.Numerics.Tensors;
using SelfDrivingLab.Optimization.Linear;
using SelfDrivingLab.Optimization.Proposals;
using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.Optimization.Feasibility;

/// <summary>
/// Gaussian-process classification of where experiments succeed, by the Laplace approximation with a logistic link
/// (Rasmussen &amp; Williams, algorithms 3.1 and 3.2). Fixed, deliberately smooth prior — Matérn 5/2, length scale
/// 0.2·√d on the encoded cube, latent variance 4 — so a handful of failures marks a region rather than single points.
/// <see cref="ProbabilityOfSuccess"/> averages the logistic over the latent posterior (probit approximation); many
/// points at once go through <see cref="ProbabilitiesOfSuccess"/>, which computes the cross-kernel by SIMD rows and the
/// latent variance from the precomputed X = L⁻¹W^½ by the blocked kernel, as the GP predicts. Immutable and thread-safe.
/// </summary>
public sealed class FeasibilityClassifier
{
    private const double LatentVariance = 4;
    private const int MaxNewtonIterations = 50;
    private const int ChunkSize = 256;
    private const int ColumnBlock = 64;

    private readonly double[][] _x;
    private readonly double[] _inverseSquaredScales;
    private readonly double[] _residual;
    private readonly double[] _columns;
    private readonly double[] _projection;
    private readonly double[] _mode;

    private FeasibilityClassifier(double[][] x, double[] inverseSquaredScales, double[] mode, double[] residual, double[] sqrtW, double[] lower)
    {
        _x = x;
        _inverseSquaredScales = inverseSquaredScales;
        _mode = mode;
        _residual = residual;
        var n = x.Length;
        _columns = KernelRows.ToColumns(x, inverseSquaredScales.Length, n);

        // The latent variance is σ² - |L⁻¹W^½k|² for B = LLᵀ: keep X = L⁻¹·diag(W^½) (lower triangular).
        _projection = new double[n * n];
        TriangularKernels.InvertLower(lower, new double[n * n], _projection, n);
        for (var i = 0; i < n; i++)
        {
            var row = _projection.AsSpan(i * n, i + 1);
            TensorPrimitives.Multiply(row, sqrtW.AsSpan(0, i + 1), row);
        }
    }

    /// <summary>
    /// Fits the classifier to encoded inputs of successful and failed experiments (at least one of each). Newton's
    /// method starts from the latent mode of <paramref name="warmStart"/> (a fit to earlier data: its mode where a point
    /// was in its data, its posterior mean elsewhere) or, without one, from zero. The objective is strictly concave, so
    /// either start reaches the same mode; a warm start only needs fewer iterations (the result agrees to the
    /// convergence tolerance, 1e-9 in the latent).
    /// </summary>
    /// <exception cref="ArgumentException">Either list is empty, or the inputs are ragged or not finite.</exception>
    public static FeasibilityClassifier Fit(IReadOnlyList<double[]> successes, IReadOnlyList<double[]> failures, FeasibilityClassifier? warmStart = null)
    {
        ArgumentNullException.ThrowIfNull(successes);
        ArgumentNullException.ThrowIfNull(failures);
        if (successes.Count == 0 || failures.Count == 0)
        {
            throw new ArgumentException($"A feasibility classifier needs successes and failures (got {successes.Count} and {failures.Count}).", nameof(failures));
        }

        double[][] x = [.. successes, .. failures];
        double[] labels = [.. successes.Select(_ => 1.0), .. failures.Select(_ => 0.0)];
        var d = SurrogateData.Validate(x, labels);
        var lengthScale = 0.2 * Math.Sqrt(d);
        var inverseSquaredScales = Enumerable.Repeat(1 / (lengthScale * lengthScale), d).ToArray();
        var n = x.Length;
        var k = new double[n * n];
        var columns = KernelRows.ToColumns(x, d, n);
        for (var a = 0; a < n; a++)
        {
            var row = k.AsSpan(a * n, n);
            KernelRows.SquaredDistances(columns, n, x[a], inverseSquaredScales, row, n);
            KernelRows.Transform(KernelKind.Matern52, row, default, LatentVariance, n);
        }

        var f = warmStart is not null && warmStart._inverseSquaredScales.Length == d ? warmStart.StartingLatent(x) : new double[n];
        var pi = new double[n];
        var sqrtW = new double[n];
        double[] lower = [];
        var converged = false;
        for (var iteration = 0; iteration < MaxNewtonIterations; iteration++)
        {
            // Newton step of Ψ(f) = log p(t|f) - ½fᵀK⁻¹f through B = I + W^½KW^½ (well conditioned for any K).
            var b = new double[n];
            for (var i = 0; i < n; i++)
            {
                pi[i] = Logistic(f[i]);
                var w = pi[i] * (1 - pi[i]);
                sqrtW[i] = Math.Sqrt(w);
                b[i] = (w * f[i]) + (labels[i] - pi[i]);
            }

            lower = FactorB(k, sqrtW, n);
            var kb = MultiplySymmetric(k, b, n);
            var c = new double[n];
            for (var i = 0; i < n; i++)
            {
                c[i] = sqrtW[i] * kb[i];
            }

            ForwardSubstitute(lower, n, c);
            BackSubstitute(lower, n, c);
            var a = new double[n];
            for (var i = 0; i < n; i++)
            {
                a[i] = b[i] - (sqrtW[i] * c[i]);
            }

            var next = MultiplySymmetric(k, a, n);
            var change = 0.0;
            for (var i = 0; i < n; i++)
            {
                change = Math.Max(change, Math.Abs(next[i] - f[i]));
            }

            if (change < 1e-9)
            {
                // f is the mode to the tolerance: keep it, with the W and the factor of B already computed at it.
                converged = true;
                break;
            }

            f = next;
        }

        var residual = new double[n];
        for (var i = 0; i < n; i++)
        {
            pi[i] = Logistic(f[i]);
            var w = pi[i] * (1 - pi[i]);
            sqrtW[i] = Math.Sqrt(w);
            residual[i] = labels[i] - pi[i];
        }

        if (!converged)
        {
            lower = FactorB(k, sqrtW, n);
        }

        return new FeasibilityClassifier(x, inverseSquaredScales, f, residual, sqrtW, lower);
    }

    /// <summary>P(success) at an encoded point: σ(f̄/√(1 + πV/8)) with the Laplace posterior mean f̄ and variance V.</summary>
    public double ProbabilityOfSuccess(ReadOnlySpan<double> encoded)
    {
        var probability = new double[1];
        ProbabilitiesOfSuccess([encoded.ToArray()], probability);
        return probability[0];
    }

    /// <summary>Writes <see cref="ProbabilityOfSuccess"/> of every row of <paramref name="encoded"/> into <paramref name="probabilities"/>.</summary>
    public void ProbabilitiesOfSuccess(IReadOnlyList<double[]> encoded, Span<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        if (probabilities.Length < encoded.Count || encoded.Any(e => e is null || e.Length != _inverseSquaredScales.Length))
        {
            throw new ArgumentException($"Every point needs {_inverseSquaredScales.Length} coordinates, and one probability per point.", nameof(encoded));
        }

        var chunks = (encoded.Count + ChunkSize - 1) / ChunkSize;
        if (chunks <= 1)
        {
            Chunk(encoded, 0, encoded.Count, probabilities);
            return;
        }

        // Chunks spread over the cores, as the GP predicts.
        var results = new double[encoded.Count];
        Parallel.For(0, chunks, chunk =>
        {
            var start = chunk * ChunkSize;
            var count = Math.Min(ChunkSize, encoded.Count - start);
            Chunk(encoded, start, count, results.AsSpan(start, count));
        });
        results.CopyTo(probabilities);
    }

    /// <summary>Newton's starting point for a fit to <paramref name="x"/>: this fit's mode at its own points, its posterior latent mean elsewhere.</summary>
    private double[] StartingLatent(double[][] x)
    {
        var known = new Dictionary<double[], double>(PointComparer.Instance);
        for (var i = 0; i < _x.Length; i++)
        {
            known.TryAdd(_x[i], _mode[i]);
        }

        var n = _x.Length;
        var row = new double[n];
        var start = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            if (known.TryGetValue(x[i], out var mode))
            {
                start[i] = mode;
                continue;
            }

            KernelRows.SquaredDistances(_columns, n, x[i], _inverseSquaredScales, row, n);
            KernelRows.Transform(KernelKind.Matern52, row, default, LatentVariance, n);
            start[i] = TensorPrimitives.Dot(row, _residual);
        }

        return start;
    }

    private void Chunk(IReadOnlyList<double[]> encoded, int start, int count, Span<double> probabilities)
    {
        var n = _x.Length;
        var pool = ArrayPool<double>.Shared;
        var cross = pool.Rent(count * n);
        var projected = pool.Rent(count * n);
        try
        {
            for (var c = 0; c < count; c++)
            {
                var row = cross.AsSpan(c * n, n);
                KernelRows.SquaredDistances(_columns, n, encoded[start + c], _inverseSquaredScales, row, n);
                KernelRows.Transform(KernelKind.Matern52, row, default, LatentVariance, n);
            }

            // V = K*Xᵀ by column blocks: row k of X is zero beyond column k, so block [k0, k1) needs only k1 columns of K*.
            var v = projected.AsSpan(0, count * n);
            v.Clear();
            for (var k0 = 0; k0 < n; k0 += ColumnBlock)
            {
                var k1 = Math.Min(k0 + ColumnBlock, n);
                GemmKernel.MultiplyAddTransposed(cross, n, _projection.AsSpan(k0 * n), n, v[k0..], n, count, k1 - k0, k1, 1);
            }

            for (var c = 0; c < count; c++)
            {
                var mean = TensorPrimitives.Dot(cross.AsSpan(c * n, n), _residual);
                var row = v.Slice(c * n, n);
                var variance = LatentVariance - TensorPrimitives.Dot(row, row);
                probabilities[c] = Logistic(mean / Math.Sqrt(1 + (Math.PI * Math.Max(variance, 0) / 8)));
            }
        }
        finally
        {
            pool.Return(cross);
            pool.Return(projected);
        }
    }

    private static double[] FactorB(double[] k, double[] sqrtW, int n)
    {
        var matrix = new double[n * n];
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                matrix[(a * n) + b] = (sqrtW[a] * k[(a * n) + b] * sqrtW[b]) + (a == b ? 1 : 0);
            }
        }

        return CholeskyFactor.Create(matrix, n).Lower;
    }

    private static double[] MultiplySymmetric(double[] matrix, double[] vector, int n)
    {
        var result = new double[n];
        for (var a = 0; a < n; a++)
        {
            result[a] = TensorPrimitives.Dot(matrix.AsSpan(a * n, n), vector);
        }

        return result;
    }

    /// <summary>Solves L z = b in place, row by row (L row-major, lower triangular).</summary>
    private static void ForwardSubstitute(double[] lower, int n, double[] b)
    {
        for (var i = 0; i < n; i++)
        {
            b[i] = (b[i] - TensorPrimitives.Dot(lower.AsSpan(i * n, i), b.AsSpan(0, i))) / lower[(i * n) + i];
        }
    }

    /// <summary>Solves Lᵀ z = b in place: each solved z_i is removed from the equations above it along row i of L (contiguous).</summary>
    private static void BackSubstitute(double[] lower, int n, double[] b)
    {
        for (var i = n - 1; i >= 0; i--)
        {
            b[i] /= lower[(i * n) + i];
            var above = b.AsSpan(0, i);
            TensorPrimitives.MultiplyAdd(lower.AsSpan(i * n, i), -b[i], above, above);
        }
    }

    private static double Logistic(double f) => f >= 0 ? 1 / (1 + Math.Exp(-f)) : Math.Exp(f) / (1 + Math.Exp(f));
}
