using SelfDrivingLab.Benchmarks.Protocol;

namespace SelfDrivingLab.Benchmarks.Reports;

/// <summary>The result of a pool benchmark. Immutable.</summary>
/// <param name="Dataset">Description of the pool.</param>
/// <param name="Candidates">Pool size N.</param>
/// <param name="Budget">Experiments per campaign (capped at N).</param>
/// <param name="Initial">Initial random experiments per campaign.</param>
/// <param name="Seeds">Campaigns per strategy.</param>
/// <param name="Top5Count">Size G of the top-5% set (ties included).</param>
/// <param name="Top1Count">Size of the top-1% set (ties included).</param>
/// <param name="RandomExpectedTo80">
/// Analytic expected experiments random sampling needs to reach Top% ≥ 0.8: with m = ⌈0.8·G⌉ good candidates needed,
/// the m-th of G good candidates in a random order of N sits on average at m·(N+1)/(G+1) (≈ 0.8·N).
/// </param>
/// <param name="Strategies">Summaries by strategy name, in the order requested.</param>
/// <param name="Traces">Every campaign, by strategy name.</param>
public sealed record BenchmarkReport(
    string Dataset,
    int Candidates,
    int Budget,
    int Initial,
    int Seeds,
    int Top5Count,
    int Top1Count,
    double RandomExpectedTo80,
    IReadOnlyDictionary<string, StrategySummary> Strategies,
    IReadOnlyDictionary<string, IReadOnlyList<CampaignTrace>> Traces);
