using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;

namespace SelfDrivingLab.Workflow.Campaigns;

/// <summary>What a finished campaign did. Immutable.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Name">Its name.</param>
/// <param name="Status">Completed, Failed or Aborted.</param>
/// <param name="Experiments">Experiments run (the budget, unless stopped early).</param>
/// <param name="Completed">Experiments that produced an objective value.</param>
/// <param name="Failed">Experiments that failed.</param>
/// <param name="Aborted">Experiments stopped by a shutdown.</param>
/// <param name="Best">The best completed experiment, if any.</param>
/// <param name="Ledger">Where the ledger is.</param>
/// <param name="StartedAt">Campaign clock at the start.</param>
/// <param name="FinishedAt">Campaign clock at the end.</param>
/// <param name="Error">Why the campaign failed, when it did.</param>
/// <param name="Recommended">The tested experiment the final model believes is best (robust to measurement noise).</param>
public sealed record CampaignSummary(
    CampaignId CampaignId,
    string Name,
    CampaignStatus Status,
    int Experiments,
    int Completed,
    int Failed,
    int Aborted,
    BestExperiment? Best,
    string Ledger,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    string? Error = null,
    Recommendation? Recommended = null)
{
    /// <summary>Lab time the campaign took.</summary>
    public TimeSpan LabTime => FinishedAt - StartedAt;
}
