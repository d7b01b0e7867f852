namespace SelfDrivingLab.Benchmarks.Reports;

/// <summary>
/// The figures of one strategy over its campaigns. Experiment counts include the initial random ones; a count is null
/// when the median (or percentile) campaign did not get there within the budget. Immutable.
/// </summary>
/// <param name="Strategy">Strategy name.</param>
/// <param name="Campaigns">Number of seeded campaigns.</param>
/// <param name="MedianToTop1">Median experiments to the first top-1% candidate (null also when campaigns stopped at the goal).</param>
/// <param name="Top1Band">5th and 95th percentiles of experiments to the first top-1% candidate.</param>
/// <param name="Top1FoundCampaigns">Campaigns that found a top-1% candidate within the budget.</param>
/// <param name="MedianToTop5">Median experiments to the first top-5% candidate.</param>
/// <param name="Top5Band">5th and 95th percentiles of experiments to the first top-5% candidate.</param>
/// <param name="MedianTo80">Median experiments until Top% ≥ 0.8.</param>
/// <param name="To80Band">5th and 95th percentiles of experiments until Top% ≥ 0.8.</param>
/// <param name="Reached80Campaigns">Campaigns that reached Top% ≥ 0.8 within the budget.</param>
/// <param name="Top5Found">Median Top% at the end of the budget (null when campaigns stopped at the goal).</param>
/// <param name="Checkpoints">Top% curve summary at the checkpoints (empty when campaigns stopped at the goal).</param>
/// <param name="Af80">Acceleration factor at Top% = 0.8 against the analytic random expectation.</param>
/// <param name="Af80Empirical">Acceleration factor at Top% = 0.8 against the median of the random campaigns of the same run, if any.</param>
public sealed record StrategySummary(
    string Strategy,
    int Campaigns,
    double? MedianToTop1,
    Band Top1Band,
    int Top1FoundCampaigns,
    double? MedianToTop5,
    Band Top5Band,
    double? MedianTo80,
    Band To80Band,
    int Reached80Campaigns,
    double? Top5Found,
    IReadOnlyList<CheckpointSummary> Checkpoints,
    double? Af80,
    double? Af80Empirical);

/// <summary>A 5–95% percentile band; a bound is null when it lies beyond the budget.</summary>
/// <param name="Low">5th percentile.</param>
/// <param name="High">95th percentile.</param>
public sealed record Band(double? Low, double? High);
