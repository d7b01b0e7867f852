using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;
using static SelfDrivingLab.Ledger.Tests.LedgerTestFiles;

namespace SelfDrivingLab.Ledger.Tests.Contract;

/// <summary>
/// <see cref="ILedger.RecordBatchAsync"/>: the grouped writes of one experiment step (the transition into a step with its
/// command; a command's events; the final event, the outputs and the last transition) stored in one transaction, in
/// order, with the single operations' refusals, and nothing stored when any write is refused.
/// </summary>
public abstract class LedgerBatchContract(ILedgerTestStore store) : LedgerContract(store)
{
    private static readonly ExperimentId E1 = new("e1");
    private static readonly CommandId Cmd1 = new("cmd-1");
    private ILedgerStore _ledger = null!;

    public override async Task InitializeAsync()
    {
        _ledger = await OpenAsync();
        await _ledger.CreateCampaignAsync(Campaign());
        await _ledger.AddExperimentAsync(Experiment("e1", 1));
    }

    public override async Task DisposeAsync()
    {
        await _ledger.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task RecordBatchAsync_TransitionIntoStepAndItsCommand_StoresBothInOrder()
    {
        var start = Transition("Proposed", "print", "Start", 10);

        await _ledger.RecordBatchAsync([new LedgerTransitionWrite(start, ExperimentStatus.Running), new LedgerCommandWrite(Command("cmd-1", "e1"))]);

        var experiment = await _ledger.FindExperimentAsync(E1);
        Assert.Equal(("print", ExperimentStatus.Running), (experiment!.State, experiment.Status));
        Assert.Equal(start, (await _ledger.GetTransitionsAsync(E1))[^1]);
        Assert.Equal(Command("cmd-1", "e1"), Assert.Single(await _ledger.GetCommandsAsync(E1)));
    }

    [Fact]
    public async Task RecordBatchAsync_CommandWithItsEvents_StoresEventsOfTheCommandWrittenBefore()
    {
        var accepted = Event("accepted", 11);
        var progress = Event("progress", 12);
        var completed = Event("completed", 13);

        await _ledger.RecordBatchAsync(
            [new LedgerCommandWrite(Command("cmd-1", "e1")), new LedgerEventWrite(accepted), new LedgerEventWrite(progress), new LedgerEventWrite(completed)]);

        Assert.Equal([accepted, progress, completed], await _ledger.GetEventsAsync(Cmd1));
    }

    [Fact]
    public async Task RecordBatchAsync_FinalEventOutputsAndLastTransition_CompletesTheExperiment()
    {
        await _ledger.RecordBatchAsync([new LedgerTransitionWrite(Transition("Proposed", "print", "Start", 10), ExperimentStatus.Running), new LedgerCommandWrite(Command("cmd-1", "e1"))]);
        var result = Result(new ParameterSet([new("toughness", 3.5)]), 3.5, step: "print");
        var done = Transition("print", "Completed", "StepSucceeded", 20);

        await _ledger.RecordBatchAsync(
            [new LedgerEventWrite(Event("completed", 19)), new LedgerResultWrite(E1, result, T0.AddMinutes(20)), new LedgerTransitionWrite(done, ExperimentStatus.Completed)]);

        var experiment = await _ledger.FindExperimentAsync(E1);
        Assert.Equal(("Completed", ExperimentStatus.Completed, 3.5), (experiment!.State, experiment.Status, experiment.Objective));
        Assert.Equal(result.Outputs.Select(o => o.Outputs), experiment.Outputs!.Select(o => o.Outputs));
        Assert.Equal("completed", Assert.Single(await _ledger.GetEventsAsync(Cmd1)).Kind);
        Assert.Equal(done, (await _ledger.GetTransitionsAsync(E1))[^1]);
    }

    [Fact]
    public async Task RecordBatchAsync_LastWriteRefused_ThrowsItsRefusalAndStoresNothing()
    {
        var before = await _ledger.FindExperimentAsync(E1);

        var ex = await Assert.ThrowsAsync<LedgerException>(async () => await _ledger.RecordBatchAsync(
            [
                new LedgerTransitionWrite(Transition("Proposed", "print", "Start", 10), ExperimentStatus.Running),
                new LedgerCommandWrite(Command("cmd-1", "e1")),
                new LedgerEventWrite(Event("accepted", 11)),
                new LedgerResultWrite(E1, Result(new ParameterSet([new("toughness", 1.0)]), 1.0), T0.AddMinutes(12)),
                new LedgerTransitionWrite(Transition("Proposed", "Completed", "StepSucceeded", 13), ExperimentStatus.Completed),
            ]));

        Assert.Contains("is in state 'print', not 'Proposed'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, await _ledger.FindExperimentAsync(E1));
        Assert.Single(await _ledger.GetTransitionsAsync(E1));
        Assert.Empty(await _ledger.GetCommandsAsync(E1));
        Assert.Empty(await _ledger.GetEventsAsync(Cmd1));
    }

    [Fact]
    public async Task RecordBatchAsync_EventOfUnknownCommand_ThrowsNamingItAndStoresNothing()
    {
        await _ledger.RecordCommandAsync(Command("cmd-1", "e1"));

        var ex = await Assert.ThrowsAsync<LedgerException>(async () => await _ledger.RecordBatchAsync(
            [new LedgerEventWrite(Event("accepted", 11)), new LedgerEventWrite(new InstrumentEventRecord(new CommandId("ghost"), new InstrumentId("printer-1"), "completed", T0.AddMinutes(12), "{}"))]));

        Assert.Contains("unknown command 'ghost'", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await _ledger.GetEventsAsync(Cmd1));
    }

    [Fact]
    public async Task RecordBatchAsync_NonFiniteObjectiveAfterATransition_StoresNeitherTransitionNorResult()
    {
        var ex = await Assert.ThrowsAsync<LedgerException>(async () => await _ledger.RecordBatchAsync(
            [
                new LedgerTransitionWrite(Transition("Proposed", "print", "Start", 10), ExperimentStatus.Running),
                new LedgerResultWrite(E1, Result(new ParameterSet([new("toughness", 1.0)]), double.NaN), T0.AddMinutes(12)),
            ]));

        Assert.Contains("finite", ex.Message, StringComparison.Ordinal);
        var experiment = await _ledger.FindExperimentAsync(E1);
        Assert.Equal(("Proposed", (IReadOnlyList<StepOutputs>?)null), (experiment!.State, experiment.Outputs));
        Assert.Single(await _ledger.GetTransitionsAsync(E1));
    }

    [Fact]
    public async Task RecordBatchAsync_Empty_StoresNothing()
    {
        var before = await _ledger.FindExperimentAsync(E1);

        await _ledger.RecordBatchAsync([]);

        Assert.Equal(before, await _ledger.FindExperimentAsync(E1));
        Assert.Single(await _ledger.GetTransitionsAsync(E1));
    }

    [Fact]
    public async Task RecordBatchAsync_ReadOnlyLedger_Throws()
    {
        await using var readOnly = await OpenReadOnlyAsync();

        var ex = await Assert.ThrowsAsync<LedgerException>(async () => await readOnly.RecordBatchAsync([new LedgerCommandWrite(Command("cmd-1", "e1"))]));

        Assert.Contains("read-only", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await _ledger.GetCommandsAsync(E1));
    }

    private static StateTransitionRecord Transition(string from, string to, string trigger, int minute) => new(E1, from, to, trigger, T0.AddMinutes(minute));

    private static InstrumentEventRecord Event(string kind, int minute) => new(Cmd1, new InstrumentId("printer-1"), kind, T0.AddMinutes(minute), $$"""{"kind":"{{kind}}"}""");
}
