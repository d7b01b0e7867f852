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

    /// <summary>Completes when <paramref name="campaign"/> may send a new command (at once unless it is paused or its host is stopping).</summary>
    ValueTask WaitUntilDispatchAllowedAsync(CampaignId campaign, CancellationToken cancellationToken = default);

    /// <summary>True when <paramref name="campaign"/> may send a new command now (it is neither paused nor stopping).</summary>
    bool IsDispatchAllowed(CampaignId campaign);

    /// <summary>
    /// True once the host interrupted <paramref name="campaign"/> (it stopped after its grace period): an experiment cancelled
    /// then is left where the ledger has it, its command still in flight neither aborted nor recorded, for the next run to
    /// continue (reconciling the command by its id); otherwise a cancelled experiment is aborted.
    /// </summary>
    bool IsInterrupted(CampaignId campaign);
}
