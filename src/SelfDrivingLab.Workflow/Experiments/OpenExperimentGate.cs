using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;

namespace SelfDrivingLab.Workflow.Experiments;

/// <summary>The gate used when none is registered: nothing needs approval and nothing is ever paused. Thread-safe (stateless).</summary>
public sealed class OpenExperimentGate : IExperimentGate
{
    private static readonly ApprovalDecision AutoApproved = new(true, "open-gate", "no approval required");

    private OpenExperimentGate()
    {
    }

    /// <summary>The single instance.</summary>
    public static OpenExperimentGate Instance { get; } = new();

    /// <inheritdoc />
    public bool RequiresApproval(CampaignDefinition campaign) => false;

    /// <inheritdoc />
    public ValueTask<ApprovalDecision> WaitForApprovalAsync(ExperimentRecord experiment, CampaignDefinition campaign, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(AutoApproved);

    /// <inheritdoc />
    public ValueTask WaitUntilDispatchAllowedAsync(CampaignId campaign, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    /// <inheritdoc />
    public bool IsDispatchAllowed(CampaignId campaign) => true;

    /// <inheritdoc />
    public bool IsInterrupted(CampaignId campaign) => false;
}
