namespace SelfDrivingLab.Benchmarks.Calibration;

/// <summary>The result of a calibration benchmark. Immutable.</summary>
/// <param name="Dataset">Description of the table.</param>
/// <param name="Strategy">The proposer configuration whose surrogate was fitted.</param>
/// <param name="Level">Probability of the central predictive interval.</param>
/// <param name="Fits">Surrogate fits (folds × repeats).</param>
/// <param name="MedianTraining">Median training candidates per fit.</param>
/// <param name="HeldOut">Coverage of every measurement (every replicate row) of the held-out candidates.</param>
/// <param name="Replicates">
/// Coverage of the other replicates of the training candidates (each training candidate contributed one of its
/// replicates): a direct test of the fitted noise. Null when the table has no replicates.
/// </param>
/// <param name="MedianNoiseStandardDeviation">Median over the fits of the fitted noise standard deviation, in the target's units.</param>
/// <param name="PooledReplicateStandardDeviation">√(Σ within-candidate squared deviations / Σ (replicates − 1)) over the table; null without replicates.</param>
/// <param name="MedianReplicateStandardDeviation">Median over candidates with replicates of their sample standard deviation; null without replicates.</param>
public sealed record CalibrationReport(
    string Dataset,
    string Strategy,
    double Level,
    int Fits,
    double MedianTraining,
    Coverage HeldOut,
    Coverage? Replicates,
    double MedianNoiseStandardDeviation,
    double? PooledReplicateStandardDeviation,
    double? MedianReplicateStandardDeviation);
