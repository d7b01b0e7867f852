namespace SelfDrivingLab.Optimization.Surrogates;

/// <summary>A fitted surrogate: predictive mean and variance in the original units of y. Immutable and thread-safe.</summary>
public interface ISurrogateModel
{
    /// <summary>Number of points the model is conditioned on (observations plus fantasies).</summary>
    int DataCount { get; }

    /// <summary>Fitted hyperparameters by name (recorded in provenance).</summary>
    IReadOnlyDictionary<string, double> Hyperparameters { get; }

    /// <summary>
    /// Variance of the measurement noise the model has fitted, in the original units of y (0 for a model without a
    /// noise term). A new measurement at x is predicted with variance <see cref="Predict"/>'s variance plus this.
    /// </summary>
    double NoiseVariance { get; }

    /// <summary>
    /// Writes the predictive mean and variance of the noise-free latent value (the design's true value, original y
    /// units; <see cref="NoiseVariance"/> excluded) of each row of <paramref name="x"/>. Spans must have <c>x.Length</c>
    /// elements.
    /// </summary>
    void Predict(double[][] x, Span<double> mean, Span<double> variance);

    /// <summary>
    /// Returns a model that also knows (<paramref name="x"/>, <paramref name="y"/>), keeping the hyperparameters fixed
    /// (a "fantasy" observation, used for pending experiments and batches: the Kriging believer).
    /// </summary>
    ISurrogateModel Condition(double[] x, double y);
}
