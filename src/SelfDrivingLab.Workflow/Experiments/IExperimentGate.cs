using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;

namespace SelfDrivingLab.Workflow.Experiments;

/// <summary>
/// Operator control over experiments: whether a proposal needs a person's approval before its first
/// step, and whether the campaign may dispatch new commands (pause). The runner awaits it with no work
/// hold, so a virtual clock keeps moving while it waits. Implementations must be thread-safe.
/// </summary>
public interface IExperimentGate
{
    /// <summary>True when every experiment of <paramref name="campaign"/> waits in AwaitingApproval before its first step.</summary>
    bool RequiresApproval(CampaignDefinition campaign);

    /// <summary>Waits for a person's (or a policy's) decision on <paramref name="experiment"/>.</summary>
    ValueTask<ApprovalDecision> WaitForApprovalAsync(ExperimentRecord experiment, CampaignDefinition campaign, CancellationToken cancellationToken = default);

    /// <summary>Completes when <paramref name="campaign"/> may send a new command (at once unless it is paused).</summary>
    ValueTask WaitUntilDispatchAllowedAsync(CampaignId campaign, CancellationToken cancellationToken = default);
}
