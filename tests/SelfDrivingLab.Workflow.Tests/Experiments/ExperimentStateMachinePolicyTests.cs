using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Workflow.Experiments;
using SelfDrivingLab.Workflow.Tests.Fakes;

namespace SelfDrivingLab.Workflow.Tests.Experiments;

public sealed class ExperimentStateMachinePolicyTests
{
    private static readonly WorkflowStepDefinition SkippableMeasure = TestCampaigns.Characterization with
    {
        SkipIf = new StepSkipCondition("synthesis", "cracked", ParameterValue.FromNumber(1), Negated: false),
    };

    [Fact]
    public async Task FireAsync_ApprovalRequired_StartWaitsInAwaitingApprovalAndApproveEntersTheFirstStep()
    {
        var machine = new ExperimentStateMachine([TestCampaigns.Synthesis, TestCampaigns.Characterization], requiresApproval: true);

        await machine.FireAsync(ExperimentTrigger.Start);
        Assert.Equal(ExperimentStates.AwaitingApproval, machine.State);
        Assert.False(machine.CanFire(ExperimentTrigger.StepSucceeded));
        await machine.FireAsync(ExperimentTrigger.Approve);

        Assert.Equal("synthesis", machine.State);
    }

    [Fact]
    public async Task FireAsync_Reject_EndsAborted()
    {
        var machine = new ExperimentStateMachine([TestCampaigns.Synthesis], ExperimentStates.AwaitingApproval);

        await machine.FireAsync(ExperimentTrigger.Reject, "rejected by bob: too hot");

        Assert.Equal(ExperimentStates.Aborted, machine.State);
    }

    [Fact]
    public async Task FireAsync_SkipOnAStepWithSkipIf_MovesToTheNextState()
    {
        var machine = new ExperimentStateMachine([TestCampaigns.Synthesis, SkippableMeasure], "characterization");

        await machine.FireAsync(ExperimentTrigger.Skip);

        Assert.Equal(ExperimentStates.Completed, machine.State);
    }

    [Fact]
    public void CanFire_SkipOnAStepWithoutSkipIf_IsNotAllowed()
    {
        var machine = new ExperimentStateMachine([TestCampaigns.Synthesis, SkippableMeasure], "synthesis");

        Assert.False(machine.CanFire(ExperimentTrigger.Skip));
    }

    [Fact]
    public void ToMermaid_ApprovalAndSkip_ShowsTheirStatesAndTransitions()
    {
        var mermaid = ExperimentStateMachine.ToMermaid([TestCampaigns.Synthesis, SkippableMeasure], requiresApproval: true);

        Assert.Contains("Proposed --> AwaitingApproval : Start", mermaid, StringComparison.Ordinal);
        Assert.Contains("AwaitingApproval --> synthesis : Approve", mermaid, StringComparison.Ordinal);
        Assert.Contains("AwaitingApproval --> Aborted : Reject", mermaid, StringComparison.Ordinal);
        Assert.Contains("characterization --> Completed : Skip", mermaid, StringComparison.Ordinal);
        Assert.DoesNotContain("synthesis --> characterization : Skip", mermaid, StringComparison.Ordinal);
    }

    [Fact]
    public void ToMermaid_NoApproval_HasNoAwaitingApprovalState()
    {
        Assert.DoesNotContain(ExperimentStates.AwaitingApproval, ExperimentStateMachine.ToMermaid([TestCampaigns.Synthesis]), StringComparison.Ordinal);
    }
}
