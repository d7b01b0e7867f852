using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;

namespace SelfDrivingLab.Workflow.Campaigns;

/// <summary>An unfinished campaign found in the ledger and resumed. Immutable.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Name">The campaign's name (from its file).</param>
/// <param name="Done">Experiments already finished (completed, failed or aborted); their results feed the model again.</param>
/// <param name="InFlight">Experiments that were running, which continue from their recorded state.</param>
/// <param name="Budget">The campaign's budget.</param>
/// <param name="LabTime">Lab time since the campaign started, up to the resume.</param>
public sealed record CampaignResumption(CampaignId CampaignId, string Name, int Done, int InFlight, int Budget, TimeSpan LabTime)
{
    /// <summary>The revision stored because the definition differs from the stored one (default null: it does not).</summary>
    public CampaignRevisionRecord? Revision { get; init; }

    /// <summary>The campaign's pause when it was paused as its host stopped: it resumes paused (default null: it was not).</summary>
    public CampaignPause? Pause { get; init; }
}
