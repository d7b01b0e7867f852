namespace SelfDrivingLab.Benchmarks.Protocol;

/// <summary>Progress of a benchmark run: experiments and campaigns done out of the totals.</summary>
/// <param name="ExperimentsDone">Experiments simulated so far, over all campaigns.</param>
/// <param name="ExperimentsTotal">Experiments in the whole run.</param>
/// <param name="CampaignsDone">Campaigns finished.</param>
/// <param name="CampaignsTotal">Campaigns in the whole run (strategies × seeds).</param>
public readonly record struct BenchmarkProgress(long ExperimentsDone, long ExperimentsTotal, int CampaignsDone, int CampaignsTotal);
