namespace SelfDrivingLab.PropertyModels.Learning;

/// <summary>
/// A hurdle model for a target with a point mass at <paramref name="Mass"/>: p = <paramref name="Gate"/>'s probability
/// of "not the point mass", μ, σ = <paramref name="Continuous"/>'s prediction (trained on the other rows); the prediction
/// is the mixture's mean p·μ + (1 − p)·Mass and its standard deviation
/// √(p·(σ² + (μ − m)²) + (1 − p)·(Mass − m)²) with m the mean. Immutable and thread-safe.
/// </summary>
internal sealed record HurdlePredictor(TabularPredictor Gate, TabularPredictor Continuous, double Mass) : TabularPredictor
{
    public override void Predict(double[][] x, Span<double> mean, Span<double> standardDeviation)
    {
        var p = new double[x.Length];
        var unused = new double[x.Length];
        var mu = new double[x.Length];
        var sigma = new double[x.Length];
        Gate.Predict(x, p, unused);
        Continuous.Predict(x, mu, sigma);
        for (var i = 0; i < x.Length; i++)
        {
            var probability = Math.Clamp(p[i], 0, 1);
            var m = (probability * mu[i]) + ((1 - probability) * Mass);
            mean[i] = m;
            standardDeviation[i] = Math.Sqrt((probability * ((sigma[i] * sigma[i]) + ((mu[i] - m) * (mu[i] - m)))) + ((1 - probability) * (Mass - m) * (Mass - m)));
        }
    }
}
