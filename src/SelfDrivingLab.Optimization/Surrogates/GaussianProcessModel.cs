using System.Buffers;
using System.Numerics.Tensors;
using SelfDrivingLab.Optimization.Proposals;

namespace SelfDrivingLab.Optimization.Surrogates;

/// <summary>
/// A fitted exact GP: training inputs pre-divided by the length scales, the Cholesky factor of K and α = K⁻¹y on the
/// standardized scale. Immutable and thread-safe (every prediction uses its own pooled buffers).
/// </summary>
internal sealed class GaussianProcessModel : ISurrogateModel
{
    private const int ChunkSize = 256;

    private readonly KernelKind _kind;
    private readonly GaussianProcessHyperparameters _hp;
    private readonly double[] _inverseScales;
    private readonly double[][] _scaledInputs;
    private readonly double[] _standardizedY;
    private readonly double[] _lower;
    private readonly double[] _alpha;
    private readonly double _yMean;
    private readonly double _yScale;

    private GaussianProcessModel(
        KernelKind kind,
        GaussianProcessHyperparameters hp,
        double[][] scaledInputs,
        double[] standardizedY,
        double[] lower,
        double yMean,
        double yScale,
        IReadOnlyDictionary<string, double> hyperparameters)
    {
        _kind = kind;
        _hp = hp;
        _inverseScales = hp.LengthScales.Select(l => 1 / l).ToArray();
        _scaledInputs = scaledInputs;
        _standardizedY = standardizedY;
        _lower = lower;
        _alpha = CholeskyFactor.Solve(lower, scaledInputs.Length, standardizedY);
        _yMean = yMean;
        _yScale = yScale;
        Hyperparameters = hyperparameters;
    }

    public int DataCount => _scaledInputs.Length;

    public IReadOnlyDictionary<string, double> Hyperparameters { get; }

    /// <summary>Builds the posterior for fixed hyperparameters; y is standardized as (y - yMean)/yScale.</summary>
    public static GaussianProcessModel Create(
        KernelKind kind, GaussianProcessHyperparameters hp, double[][] x, double[] y, double yMean, double yScale, double? logMarginalLikelihood = null)
    {
        var n = x.Length;
        var scaled = x.Select(row => row.Select((v, i) => v / hp.LengthScales[i]).ToArray()).ToArray();
        var covariance = new double[n * n];
        for (var a = 0; a < n; a++)
        {
            covariance[(a * n) + a] = hp.SignalVariance + hp.NoiseVariance;
            for (var b = 0; b < a; b++)
            {
                covariance[(a * n) + b] = covariance[(b * n) + a] =
                    hp.SignalVariance * KernelFunctions.Value(kind, SquaredDistance(scaled[a], scaled[b]));
            }
        }

        var cholesky = CholeskyFactor.Create(covariance, n);
        var hyperparameters = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < hp.LengthScales.Length; i++)
        {
            hyperparameters[$"length_scale_{i}"] = hp.LengthScales[i];
        }

        hyperparameters["signal_variance"] = hp.SignalVariance * yScale * yScale;
        hyperparameters["noise_variance"] = hp.NoiseVariance * yScale * yScale;
        hyperparameters["jitter"] = cholesky.Jitter;
        if (logMarginalLikelihood is { } lml)
        {
            hyperparameters["log_marginal_likelihood"] = lml;
        }

        var standardized = y.Select(v => (v - yMean) / yScale).ToArray();
        return new GaussianProcessModel(kind, hp, scaled, standardized, cholesky.Lower, yMean, yScale, hyperparameters);
    }

    public void Predict(double[][] x, Span<double> mean, Span<double> variance)
    {
        SurrogateData.ValidatePrediction(x, _inverseScales.Length, mean.Length, variance.Length);
        var n = DataCount;
        var d = _inverseScales.Length;
        var pool = ArrayPool<double>.Shared;
        var cross = pool.Rent(n * ChunkSize);
        var candidates = pool.Rent(d);
        var meanAccumulator = pool.Rent(ChunkSize);
        var varianceAccumulator = pool.Rent(ChunkSize);
        try
        {
            for (var start = 0; start < x.Length; start += ChunkSize)
            {
                var m = Math.Min(ChunkSize, x.Length - start);
                PredictChunk(x.AsSpan(start, m), cross.AsSpan(0, n * m), candidates.AsSpan(0, d), meanAccumulator.AsSpan(0, m), varianceAccumulator.AsSpan(0, m));
                for (var c = 0; c < m; c++)
                {
                    mean[start + c] = _yMean + (_yScale * meanAccumulator[c]);
                    variance[start + c] = _yScale * _yScale * Math.Max(_hp.SignalVariance - varianceAccumulator[c], 0);
                }
            }
        }
        finally
        {
            pool.Return(cross);
            pool.Return(candidates);
            pool.Return(meanAccumulator);
            pool.Return(varianceAccumulator);
        }
    }

    public ISurrogateModel Condition(double[] x, double y)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Length != _inverseScales.Length || !double.IsFinite(y) || x.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException($"A fantasy point needs {_inverseScales.Length} finite coordinates and a finite value.", nameof(x));
        }

        var n = DataCount;
        var scaled = x.Select((v, i) => v * _inverseScales[i]).ToArray();
        var l = new double[n];
        for (var j = 0; j < n; j++)
        {
            l[j] = _hp.SignalVariance * KernelFunctions.Value(_kind, SquaredDistance(_scaledInputs[j], scaled));
        }

        CholeskyFactor.ForwardSubstitute(_lower, n, l);
        // Mathematically the new pivot is at least σ_n² (posterior variance ≥ 0); the floor guards against rounding.
        var pivot = Math.Max(_hp.SignalVariance + _hp.NoiseVariance - TensorPrimitives.Dot<double>(l, l), _hp.NoiseVariance);
        var lower = new double[(n + 1) * (n + 1)];
        for (var i = 0; i < n; i++)
        {
            Array.Copy(_lower, i * n, lower, i * (n + 1), i + 1);
        }

        Array.Copy(l, 0, lower, n * (n + 1), n);
        lower[(n * (n + 1)) + n] = Math.Sqrt(pivot);
        var inputs = new double[n + 1][];
        Array.Copy(_scaledInputs, inputs, n);
        inputs[n] = scaled;
        double[] standardized = [.. _standardizedY, (y - _yMean) / _yScale];
        return new GaussianProcessModel(_kind, _hp, inputs, standardized, lower, _yMean, _yScale, Hyperparameters);
    }

    private void PredictChunk(ReadOnlySpan<double[]> x, Span<double> cross, Span<double> candidate, Span<double> meanAccumulator, Span<double> varianceAccumulator)
    {
        var n = DataCount;
        var m = x.Length;
        for (var c = 0; c < m; c++)
        {
            TensorPrimitives.Multiply(x[c], _inverseScales, candidate);
            for (var j = 0; j < n; j++)
            {
                cross[(j * m) + c] = _hp.SignalVariance * KernelFunctions.Value(_kind, SquaredDistance(_scaledInputs[j], candidate));
            }
        }

        // Mean: Σⱼ αⱼ k*ⱼ; variance: σ_f² - |L⁻¹k*|², solving for the whole chunk at once so every update is a
        // contiguous vectorized row operation.
        meanAccumulator.Clear();
        varianceAccumulator.Clear();
        for (var i = 0; i < n; i++)
        {
            var row = cross.Slice(i * m, m);
            TensorPrimitives.MultiplyAdd(row, _alpha[i], meanAccumulator, meanAccumulator);
            for (var j = 0; j < i; j++)
            {
                TensorPrimitives.MultiplyAdd(cross.Slice(j * m, m), -_lower[(i * n) + j], row, row);
            }

            TensorPrimitives.Multiply(row, 1 / _lower[(i * n) + i], row);
            TensorPrimitives.MultiplyAdd(row, row, varianceAccumulator, varianceAccumulator);
        }
    }

    private static double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            var delta = a[i] - b[i];
            sum += delta * delta;
        }

        return sum;
    }
}
