using SelfDrivingLab.Workflow.Experiments;
using SelfDrivingLab.Workflow.Tests.Fakes;

namespace SelfDrivingLab.Workflow.Tests.Experiments;

public sealed class ExperimentStateMachineTests
{
    private static readonly IReadOnlyList<SelfDrivingLab.Campaigns.Definitions.WorkflowStepDefinition> Steps =
        [TestCampaigns.Synthesis, TestCampaigns.Characterization];

    [Fact]
    public async Task FireAsync_AllStepsSucceed_GoesThroughEveryStepToCompleted()
    {
        var seen = new List<ExperimentTransition>();
        var machine = new ExperimentStateMachine(Steps, onTransitioned: t => { seen.Add(t); return Task.CompletedTask; });

        await machine.FireAsync(ExperimentTrigger.Start);
        Assert.Equal("synthesis", machine.CurrentStep?.Name);
        await machine.FireAsync(ExperimentTrigger.StepSucceeded);
        await machine.FireAsync(ExperimentTrigger.StepSucceeded);

        Assert.Equal(ExperimentStates.Completed, machine.State);
        Assert.True(machine.IsTerminal);
        Assert.Equal(["Proposed>synthesis", "synthesis>characterization", "characterization>Completed"], seen.Select(t => $"{t.From}>{t.To}"));
    }

    [Fact]
    public async Task FireAsync_StepFailedWithReason_EndsFailedAndPassesTheReason()
    {
        ExperimentTransition? last = null;
        var machine = new ExperimentStateMachine(Steps, onTransitioned: t => { last = t; return Task.CompletedTask; });

        await machine.FireAsync(ExperimentTrigger.Start);
        await machine.FireAsync(ExperimentTrigger.StepFailed, "furnace on fire");

        Assert.Equal(ExperimentStates.Failed, machine.State);
        Assert.Equal("furnace on fire", last?.Detail);
    }

    [Fact]
    public async Task FireAsync_TriggerFromTerminalState_ThrowsNamingTheState()
    {
        var machine = new ExperimentStateMachine(Steps, ExperimentStates.Completed);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => machine.FireAsync(ExperimentTrigger.Abort));

        Assert.Contains("'Completed'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Constructor_RestoredMidStep_ContinuesFromThatStep()
    {
        var machine = new ExperimentStateMachine(Steps, "characterization");

        await machine.FireAsync(ExperimentTrigger.StepSucceeded);

        Assert.Equal(ExperimentStates.Completed, machine.State);
    }

    [Fact]
    public void Constructor_ReservedStepName_Throws()
    {
        var bad = TestCampaigns.Synthesis with { Name = ExperimentStates.Completed };

        Assert.Throws<ArgumentException>(() => new ExperimentStateMachine([bad]));
    }

    [Fact]
    public void ToMermaid_TwoSteps_DrawsEveryTransition()
    {
        var graph = ExperimentStateMachine.ToMermaid(Steps);

        Assert.StartsWith("stateDiagram-v2", graph, StringComparison.Ordinal);
        Assert.Contains("Proposed --> synthesis : Start", graph, StringComparison.Ordinal);
        Assert.Contains("synthesis --> characterization : StepSucceeded", graph, StringComparison.Ordinal);
        Assert.Contains("characterization --> Completed : StepSucceeded", graph, StringComparison.Ordinal);
        Assert.Contains("synthesis --> Failed : StepFailed", graph, StringComparison.Ordinal);
    }
}
