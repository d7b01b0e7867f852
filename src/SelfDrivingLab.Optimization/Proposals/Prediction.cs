namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>What a fitted surrogate believes about one design, in the measured output's units.</summary>
/// <param name="Mean">Posterior mean of the design's true value (the mean of its measurements).</param>
/// <param name="StandardDeviation">Posterior standard deviation of that true value.</param>
/// <param name="NoiseStandardDeviation">The fitted measurement noise's standard deviation (0 for a surrogate without one).</param>
public sealed record Prediction(double Mean, double StandardDeviation, double NoiseStandardDeviation)
{
    /// <summary>Standard deviation of one new measurement of the design: √(sd² + noise sd²).</summary>
    public double MeasurementStandardDeviation => Math.Sqrt((StandardDeviation * StandardDeviation) + (NoiseStandardDeviation * NoiseStandardDeviation));
}
