using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;

namespace SelfDrivingLab.Workflow.Experiments;

/// <summary>The gate used when none is registered: nothing needs approval, nothing is ever paused.</summary>
public sealed class OpenExperimentGate : IExperimentGate
{
    /// <summary>The one instance.</summary>
    public static OpenExperimentGate Instance { get; } = new();

    private OpenExperimentGate()
    {
    }

    /// <inheritdoc />
    public bool RequiresApproval(CampaignDefinition campaign) => false;

    /// <inheritdoc />
    public ValueTask<ApprovalDecision> WaitForApprovalAsync(ExperimentRecord experiment, CampaignDefinition campaign, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(new ApprovalDecision(true, ApprovalPolicy.PolicyApprover, "the campaign needs no approval"));

    /// <inheritdoc />
    public ValueTask WaitUntilDispatchAllowedAsync(CampaignId campaign, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
}
