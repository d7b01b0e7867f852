using System.Text.Json.Serialization;
using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.PropertyModels.Learning;

/// <summary>
/// The project's Gaussian process or Bayesian ridge (<see cref="ISurrogate"/>) on features scaled to the unit cube of the
/// training rows. The file keeps the (scaled) training rows and the fitted hyperparameters; the model is rebuilt from them
/// on first use — ridge by its deterministic fit, the GP warm-started at the stored hyperparameters with one optimizer
/// step — and the trained model is built the same way, so a loaded model predicts exactly as the trained one. For a
/// classifier the target is the 0/1 label and the mean, clipped to [0, 1], is the probability. Thread-safe.
/// </summary>
internal sealed record SurrogatePredictor(
    string Method, double[] Lower, double[] Range, double[][] X, double[] Y, Dictionary<string, double> Hyperparameters, bool Probability) : TabularPredictor
{
    private ISurrogateModel? _model;

    [JsonIgnore]
    public ISurrogateModel Model => LazyInitializer.EnsureInitialized(ref _model, Build);

    public static double[] Scale(double[] row, double[] lower, double[] range)
    {
        var scaled = new double[row.Length];
        for (var j = 0; j < row.Length; j++)
        {
            scaled[j] = (row[j] - lower[j]) / range[j];
        }

        return scaled;
    }

    public override void Predict(double[][] x, Span<double> mean, Span<double> standardDeviation)
    {
        var scaled = x.Select(row => Scale(row, Lower, Range)).ToArray();
        Model.Predict(scaled, mean, standardDeviation);
        for (var i = 0; i < x.Length; i++)
        {
            standardDeviation[i] = Math.Sqrt(Math.Max(0, standardDeviation[i]));
            mean[i] = Probability ? Math.Clamp(mean[i], 0, 1) : mean[i];
        }
    }

    private ISurrogateModel Build() => Method == "gp"
        ? new GaussianProcessSurrogate(new GaussianProcessOptions { InitialHyperparameters = Hyperparameters, Restarts = 1, MaxIterations = 1 }).Fit(X, Y)
        : new BayesianRidgeSurrogate().Fit(X, Y);
}
