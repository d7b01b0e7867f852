using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.Benchmarks.Tests.Protocol;

/// <summary>A fake surrogate that knows the true score of every pool point (by its first coordinate) with no uncertainty.</summary>
internal sealed class OracleSurrogate(Func<double, double> score, IReadOnlyDictionary<string, double>? hyperparameters = null) : ISurrogate, ISurrogateModel
{
    public int Fits { get; private set; }

    public string Name => "oracle";

    public int DataCount => 0;

    public IReadOnlyDictionary<string, double> Hyperparameters { get; } = hyperparameters ?? new Dictionary<string, double>();

    public ISurrogateModel Fit(double[][] x, double[] y, CancellationToken cancellationToken = default)
    {
        Fits++;
        return this;
    }

    public void Predict(double[][] x, Span<double> mean, Span<double> variance)
    {
        for (var i = 0; i < x.Length; i++)
        {
            mean[i] = score(x[i][0]);
            variance[i] = 0;
        }
    }

    public ISurrogateModel Condition(double[] x, double y) => this;
}
