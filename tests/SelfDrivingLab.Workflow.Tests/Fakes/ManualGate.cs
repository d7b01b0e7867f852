using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Workflow.Experiments;

namespace SelfDrivingLab.Workflow.Tests.Fakes;

/// <summary>A gate a test opens and decides by hand.</summary>
internal sealed class ManualGate(bool requiresApproval) : IExperimentGate
{
    public TaskCompletionSource<ApprovalDecision> Decision { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource AskedForApproval { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource DispatchOpen { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource AskedToDispatch { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool RequiresApproval(CampaignDefinition campaign) => requiresApproval;

    public ValueTask<ApprovalDecision> WaitForApprovalAsync(ExperimentRecord experiment, CampaignDefinition campaign, CancellationToken cancellationToken = default)
    {
        AskedForApproval.TrySetResult();
        return new(Decision.Task.WaitAsync(cancellationToken));
    }

    public ValueTask WaitUntilDispatchAllowedAsync(CampaignId campaign, CancellationToken cancellationToken = default)
    {
        AskedToDispatch.TrySetResult();
        return new(DispatchOpen.Task.WaitAsync(cancellationToken));
    }

    public bool IsDispatchAllowed(CampaignId campaign) => DispatchOpen.Task.IsCompleted;

    public bool IsInterrupted(CampaignId campaign) => false;
}
