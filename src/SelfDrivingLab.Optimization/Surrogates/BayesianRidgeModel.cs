using MathNet.Numerics.LinearAlgebra;

namespace SelfDrivingLab.Optimization.Surrogates;

/// <summary>Posterior of Bayesian linear regression for fixed precisions. Immutable and thread-safe.</summary>
internal sealed class BayesianRidgeModel : ISurrogateModel
{
    private readonly double[][] _features;
    private readonly double[] _y;
    private readonly int _degree;
    private readonly double _alpha;
    private readonly double _lambda;
    private readonly double _yScale;
    private readonly double _yMean;
    private readonly double[] _featureMeans;
    private readonly double[] _coefficients;
    private readonly Matrix<double> _covariance;
    private readonly int _inputDimension;

    private BayesianRidgeModel(double[][] features, double[] y, int degree, double alpha, double lambda, double yScale, IReadOnlyDictionary<string, double> hyperparameters, int inputDimension)
    {
        _features = features;
        _y = y;
        _degree = degree;
        _alpha = alpha;
        _lambda = lambda;
        _yScale = yScale;
        _inputDimension = inputDimension;
        Hyperparameters = hyperparameters;
        _yMean = y.Average();
        var (centered, means) = Center(features);
        _featureMeans = means;
        var p = means.Length;
        var design = Matrix<double>.Build.DenseOfRowArrays(centered);
        var precision = (alpha * design.TransposeThisAndMultiply(design)) + (lambda * Matrix<double>.Build.DenseIdentity(p));
        _covariance = precision.Inverse();
        var target = Vector<double>.Build.DenseOfEnumerable(y.Select(v => (v - _yMean) / yScale));
        _coefficients = (alpha * (_covariance * design.TransposeThisAndMultiply(target))).ToArray();
    }

    public int DataCount => _y.Length;

    public IReadOnlyDictionary<string, double> Hyperparameters { get; }

    /// <summary>Posterior for fixed α (noise precision) and λ (weight precision) on the y/<paramref name="yScale"/> scale.</summary>
    public static BayesianRidgeModel Create(double[][] features, double[] y, int degree, double alpha, double lambda, double yScale, int iterations)
    {
        var hyperparameters = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["alpha"] = alpha / (yScale * yScale),
            ["lambda"] = lambda,
            ["iterations"] = iterations,
        };
        var inputDimension = degree == 1 ? features[0].Length : (int)((-3 + Math.Sqrt(9 + (8.0 * features[0].Length))) / 2);
        return new BayesianRidgeModel(features, y, degree, alpha, lambda, yScale, hyperparameters, inputDimension);
    }

    /// <summary>x itself (degree 1), or x followed by every product xᵢxⱼ with i ≤ j (degree 2).</summary>
    public static double[] Features(double[] x, int degree)
    {
        if (degree == 1)
        {
            return (double[])x.Clone();
        }

        var features = new List<double>(x);
        for (var i = 0; i < x.Length; i++)
        {
            for (var j = i; j < x.Length; j++)
            {
                features.Add(x[i] * x[j]);
            }
        }

        return [.. features];
    }

    /// <summary>Features minus their column means, and the means.</summary>
    public static (double[][] Centered, double[] Means) Center(double[][] features)
    {
        var p = features[0].Length;
        var means = new double[p];
        foreach (var row in features)
        {
            for (var j = 0; j < p; j++)
            {
                means[j] += row[j] / features.Length;
            }
        }

        return (features.Select(row => row.Select((v, j) => v - means[j]).ToArray()).ToArray(), means);
    }

    /// <summary>1/α, the fitted noise variance, in y units.</summary>
    public double NoiseVariance => _yScale * _yScale / _alpha;

    public void Predict(double[][] x, Span<double> mean, Span<double> variance)
    {
        SurrogateData.ValidatePrediction(x, _inputDimension, mean.Length, variance.Length);
        var p = _featureMeans.Length;
        var phi = Vector<double>.Build.Dense(p);
        for (var c = 0; c < x.Length; c++)
        {
            var features = Features(x[c], _degree);
            var dot = 0.0;
            for (var j = 0; j < p; j++)
            {
                phi[j] = features[j] - _featureMeans[j];
                dot += phi[j] * _coefficients[j];
            }

            mean[c] = _yMean + (_yScale * dot);
            variance[c] = _yScale * _yScale * (phi * (_covariance * phi));
        }
    }

    public ISurrogateModel Condition(double[] x, double y)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Length != _inputDimension || !double.IsFinite(y))
        {
            throw new ArgumentException($"A fantasy point needs {_inputDimension} coordinates and a finite value.", nameof(x));
        }

        return new BayesianRidgeModel([.. _features, Features(x, _degree)], [.. _y, y], _degree, _alpha, _lambda, _yScale, Hyperparameters, _inputDimension);
    }
}
