using System.Buffers;
using System.Numerics.Tensors;
using SelfDrivingLab.Optimization.Linear;
using SelfDrivingLab.Optimization.Proposals;

namespace SelfDrivingLab.Optimization.Surrogates;

/// <summary>
/// A fitted exact GP: training inputs (column-major), X = L⁻¹ for K = LLᵀ and α = K⁻¹y on the standardized scale.
/// Prediction works on chunks of <see cref="ChunkSize"/> candidates (bounded memory, chunks spread over the cores):
/// the cross-kernel K* by SIMD rows, the mean K*α, and the variance σ_f² - |L⁻¹k*|² from V = K*Xᵀ computed by the
/// blocked kernel, which exploits that X is triangular. Immutable and thread-safe (buffers are pooled per chunk).
/// </summary>
internal sealed partial class GaussianProcessModel : ISurrogateModel
{
    /// <summary>Candidates per prediction chunk (memory per chunk: 2·ChunkSize·n doubles).</summary>
    public const int ChunkSize = 1024;

    private const int ColumnBlock = 64;

    private readonly KernelKind _kind;
    private readonly GaussianProcessHyperparameters _hp;
    private readonly double[] _inverseSquaredScales;
    private readonly double[][] _inputs;
    private readonly double[] _columns;
    private readonly double[] _standardizedY;
    private readonly double[] _inverseFactor;
    private readonly double[] _alpha;
    private readonly double _yMean;
    private readonly double _yScale;

    private GaussianProcessModel(
        KernelKind kind,
        GaussianProcessHyperparameters hp,
        double[][] inputs,
        double[] standardizedY,
        double[] inverseFactor,
        double yMean,
        double yScale,
        IReadOnlyDictionary<string, double> hyperparameters)
    {
        _kind = kind;
        _hp = hp;
        _inverseSquaredScales = hp.LengthScales.Select(l => 1 / (l * l)).ToArray();
        _inputs = inputs;
        _columns = KernelRows.ToColumns(inputs, _inverseSquaredScales.Length, inputs.Length);
        _standardizedY = standardizedY;
        _inverseFactor = inverseFactor;
        _alpha = InverseTimes(inverseFactor, inputs.Length, standardizedY);
        _yMean = yMean;
        _yScale = yScale;
        Hyperparameters = hyperparameters;
    }

    public int DataCount => _inputs.Length;

    public IReadOnlyDictionary<string, double> Hyperparameters { get; }

    public double NoiseVariance => _hp.NoiseVariance * _yScale * _yScale;

    /// <summary>Signal variance σ_f² and noise variance σ_n² on the standardized scale.</summary>
    internal GaussianProcessHyperparameters StandardizedHyperparameters => _hp;

    /// <summary>Builds the posterior for fixed hyperparameters; y is standardized as (y - yMean)/yScale.</summary>
    public static GaussianProcessModel Create(
        KernelKind kind, GaussianProcessHyperparameters hp, double[][] x, double[] y, double yMean, double yScale, double? logMarginalLikelihood = null, int? likelihoodEvaluations = null)
    {
        var n = x.Length;
        var d = hp.LengthScales.Length;
        var inverseSquaredScales = hp.LengthScales.Select(l => 1 / (l * l)).ToArray();
        var columns = KernelRows.ToColumns(x, d, n);
        var covariance = new double[n * n];
        for (var a = 0; a < n; a++)
        {
            var row = covariance.AsSpan(a * n, a);
            KernelRows.SquaredDistances(columns, n, x[a], inverseSquaredScales, row, a);
            KernelRows.Transform(kind, row, default, hp.SignalVariance, a);
            covariance[(a * n) + a] = hp.SignalVariance + hp.NoiseVariance;
        }

        var factor = new double[n * n];
        var jitter = CholeskyFactor.FactorWithJitter(covariance, factor, n);
        var inverseFactor = covariance; // K is no longer needed; reuse its storage for L⁻¹.
        TriangularKernels.InvertLower(factor, new double[n * n], inverseFactor, n);
        var hyperparameters = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < d; i++)
        {
            hyperparameters[$"length_scale_{i}"] = hp.LengthScales[i];
        }

        hyperparameters["signal_variance"] = hp.SignalVariance * yScale * yScale;
        hyperparameters["noise_variance"] = hp.NoiseVariance * yScale * yScale;
        hyperparameters["jitter"] = jitter;
        if (logMarginalLikelihood is { } lml)
        {
            hyperparameters["log_marginal_likelihood"] = lml;
        }

        if (likelihoodEvaluations is { } evaluations)
        {
            hyperparameters["likelihood_evaluations"] = evaluations;
        }

        var standardized = y.Select(v => (v - yMean) / yScale).ToArray();
        return new GaussianProcessModel(kind, hp, x.Select(r => (double[])r.Clone()).ToArray(), standardized, inverseFactor, yMean, yScale, hyperparameters);
    }

    public void Predict(double[][] x, Span<double> mean, Span<double> variance)
    {
        SurrogateData.ValidatePrediction(x, _inverseSquaredScales.Length, mean.Length, variance.Length);
        var chunks = (x.Length + ChunkSize - 1) / ChunkSize;
        if (chunks <= 1)
        {
            PredictChunk(x, 0, x.Length, mean, variance);
            return;
        }

        var means = new double[x.Length];
        var variances = new double[x.Length];
        Parallel.For(0, chunks, chunk =>
        {
            var start = chunk * ChunkSize;
            var count = Math.Min(ChunkSize, x.Length - start);
            PredictChunk(x, start, count, means.AsSpan(start, count), variances.AsSpan(start, count));
        });
        means.CopyTo(mean);
        variances.CopyTo(variance);
    }

    public ISurrogateModel Condition(double[] x, double y)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Length != _inverseSquaredScales.Length || !double.IsFinite(y) || x.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException($"A fantasy point needs {_inverseSquaredScales.Length} finite coordinates and a finite value.", nameof(x));
        }

        // Rank-one extension of L⁻¹: with L' = [[L, 0], [lᵀ, p]], L'⁻¹ = [[L⁻¹, 0], [-lᵀL⁻¹/p, 1/p]], l = L⁻¹k.
        var n = DataCount;
        var k = new double[n];
        KernelRows.SquaredDistances(_columns, n, x, _inverseSquaredScales, k, n);
        KernelRows.Transform(_kind, k, default, _hp.SignalVariance, n);
        var l = new double[n];
        for (var i = 0; i < n; i++)
        {
            l[i] = TensorPrimitives.Dot(_inverseFactor.AsSpan(i * n, i + 1), k.AsSpan(0, i + 1));
        }

        // Mathematically the new pivot is at least σ_n² (posterior variance ≥ 0); the floor guards against rounding.
        var pivot = Math.Sqrt(Math.Max(_hp.SignalVariance + _hp.NoiseVariance - TensorPrimitives.Dot<double>(l, l), _hp.NoiseVariance));
        var m = n + 1;
        var extended = new double[m * m];
        for (var i = 0; i < n; i++)
        {
            Array.Copy(_inverseFactor, i * n, extended, i * m, i + 1);
        }

        var last = extended.AsSpan(n * m, m);
        for (var j = 0; j < n; j++)
        {
            var target = last[..(j + 1)];
            TensorPrimitives.MultiplyAdd(_inverseFactor.AsSpan(j * n, j + 1), -l[j] / pivot, target, target);
        }

        last[n] = 1 / pivot;
        double[][] inputs = [.. _inputs, (double[])x.Clone()];
        double[] standardized = [.. _standardizedY, (y - _yMean) / _yScale];
        return new GaussianProcessModel(_kind, _hp, inputs, standardized, extended, _yMean, _yScale, Hyperparameters);
    }

    /// <summary>α = XᵀXy for lower-triangular X.</summary>
    private static double[] InverseTimes(double[] inverseFactor, int n, double[] y)
    {
        var projection = new double[n];
        for (var i = 0; i < n; i++)
        {
            projection[i] = TensorPrimitives.Dot(inverseFactor.AsSpan(i * n, i + 1), y.AsSpan(0, i + 1));
        }

        var alpha = new double[n];
        for (var k = 0; k < n; k++)
        {
            var target = alpha.AsSpan(0, k + 1);
            TensorPrimitives.MultiplyAdd(inverseFactor.AsSpan(k * n, k + 1), projection[k], target, target);
        }

        return alpha;
    }

    private void PredictChunk(double[][] x, int start, int count, Span<double> mean, Span<double> variance)
    {
        var n = DataCount;
        var pool = ArrayPool<double>.Shared;
        var cross = pool.Rent(count * n);
        var projected = pool.Rent(count * n);
        try
        {
            CrossKernel(x, start, count, cross);
            var v = projected.AsSpan(0, count * n);
            v.Clear();

            // V = K*Xᵀ by column blocks: row k of X is zero beyond column k, so block [k0, k1) needs only k1 columns of K*.
            for (var k0 = 0; k0 < n; k0 += ColumnBlock)
            {
                var k1 = Math.Min(k0 + ColumnBlock, n);
                GemmKernel.MultiplyAddTransposed(cross, n, _inverseFactor.AsSpan(k0 * n), n, v[k0..], n, count, k1 - k0, k1, 1);
            }

            for (var c = 0; c < count; c++)
            {
                var row = v.Slice(c * n, n);
                mean[c] = _yMean + (_yScale * TensorPrimitives.Dot(cross.AsSpan(c * n, n), _alpha));
                variance[c] = _yScale * _yScale * Math.Max(_hp.SignalVariance - TensorPrimitives.Dot(row, row), 0);
            }
        }
        finally
        {
            pool.Return(cross);
            pool.Return(projected);
        }
    }

    private void CrossKernel(double[][] x, int start, int count, double[] cross)
    {
        var n = DataCount;
        for (var c = 0; c < count; c++)
        {
            var row = cross.AsSpan(c * n, n);
            KernelRows.SquaredDistances(_columns, n, x[start + c], _inverseSquaredScales, row, n);
            KernelRows.Transform(_kind, row, default, _hp.SignalVariance, n);
        }
    }
}
