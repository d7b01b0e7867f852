using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;

namespace SelfDrivingLab.Workflow.Experiments;

/// <summary>What an experiment waits on besides instruments: approval of its proposal and a paused campaign.</summary>
public interface IExperimentGate
{
    /// <summary>True when the campaign's proposals pass through an approval gate before their first step.</summary>
    bool RequiresApproval(CampaignDefinition campaign);

    /// <summary>Waits until the proposal is approved (by policy or a person) or rejected.</summary>
    ValueTask<ApprovalDecision> WaitForApprovalAsync(ExperimentRecord experiment, CampaignDefinition campaign, CancellationToken cancellationToken = default);

    /// <summary>Waits while the campaign is paused; returns at once otherwise.</summary>
    ValueTask WaitUntilDispatchAllowedAsync(CampaignId campaign, CancellationToken cancellationToken = default);
}
