namespace SelfDrivingLab.Benchmarks.Reports;

/// <summary>Top% over the campaigns of one strategy after a given number of experiments.</summary>
/// <param name="Experiments">Experiments done (including the initial ones).</param>
/// <param name="MedianTopFraction">Median Top% (fraction of the top-5% set found).</param>
/// <param name="LowTopFraction">5th percentile of Top%.</param>
/// <param name="HighTopFraction">95th percentile of Top%.</param>
/// <param name="Enhancement">Enhancement factor: median Top% / the random expectation n/N.</param>
public sealed record CheckpointSummary(int Experiments, double MedianTopFraction, double LowTopFraction, double HighTopFraction, double Enhancement);
