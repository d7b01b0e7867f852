using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;
using static SelfDrivingLab.Ledger.Tests.LedgerTestFiles;

namespace SelfDrivingLab.Ledger.Tests.Contract;

public abstract class LedgerRefusalContract(ILedgerTestStore store) : LedgerContract(store)
{
    private static readonly ExperimentId E1 = new("e1");
    private ILedgerStore _ledger = null!;

    public override async Task InitializeAsync()
    {
        _ledger = await OpenAsync();
        await _ledger.CreateCampaignAsync(Campaign());
        await _ledger.AddExperimentAsync(Experiment("e1", 1));
        await _ledger.RecordCommandAsync(Command("cmd-1", "e1"));
    }

    public override async Task DisposeAsync()
    {
        // The ledger is closed before its store (a file's directory, a schema) goes.
        await _ledger.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task CreateCampaignAsync_DuplicateId_ThrowsNamingIt()
    {
        var ex = await Assert.ThrowsAsync<LedgerException>(async () => await _ledger.CreateCampaignAsync(Campaign() with { Name = "other" }));

        Assert.Contains("'c1' already exists", ex.Message, StringComparison.Ordinal);
        Assert.Equal(Campaign(), await _ledger.FindCampaignAsync(new CampaignId("c1")));
    }

    [Fact]
    public async Task SetCampaignStatusAsync_UnknownCampaign_ThrowsNamingIt()
    {
        var ex = await Assert.ThrowsAsync<LedgerException>(async () => await _ledger.SetCampaignStatusAsync(new CampaignId("ghost"), CampaignStatus.Aborted, T0));

        Assert.Contains("Unknown campaign 'ghost'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddExperimentAsync_UnknownCampaign_ThrowsAndStoresNothing()
    {
        var ex = await Assert.ThrowsAsync<LedgerException>(async () => await _ledger.AddExperimentAsync(Experiment("e9", 9, "ghost")));

        Assert.Contains("unknown campaign 'ghost'", ex.Message, StringComparison.Ordinal);
        Assert.Null(await _ledger.FindExperimentAsync(new ExperimentId("e9")));
    }

    [Fact]
    public async Task AddExperimentAsync_DuplicateId_ThrowsNamingIt()
    {
        var ex = await Assert.ThrowsAsync<LedgerException>(async () => await _ledger.AddExperimentAsync(Experiment("e1", 2)));

        Assert.Contains("Experiment 'e1' already exists", ex.Message, StringComparison.Ordinal);
        Assert.Single(await _ledger.GetExperimentsAsync(new CampaignId("c1")));
    }

    [Fact]
    public async Task AddExperimentAsync_DuplicateSequence_ThrowsAndAddsNoTransition()
    {
        var ex = await Assert.ThrowsAsync<LedgerException>(async () => await _ledger.AddExperimentAsync(Experiment("e2", 1)));

        Assert.Contains("already has an experiment with sequence 1", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await _ledger.GetTransitionsAsync(new ExperimentId("e2")));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public async Task AddExperimentAsync_NonFiniteObjective_Throws(double objective)
    {
        var ex = await Assert.ThrowsAsync<LedgerException>(async () => await _ledger.AddExperimentAsync(Experiment("e2", 2) with { Objective = objective }));

        Assert.Contains("finite", ex.Message, StringComparison.Ordinal);
        Assert.Null(await _ledger.FindExperimentAsync(new ExperimentId("e2")));
    }

    [Fact]
    public async Task RecordTransitionAsync_UnknownExperiment_ThrowsNamingIt()
    {
        var ex = await Assert.ThrowsAsync<LedgerException>(async () =>
            await _ledger.RecordTransitionAsync(new StateTransitionRecord(new ExperimentId("ghost"), "Proposed", "synthesis", "start", T0), ExperimentStatus.Running));

        Assert.Contains("Unknown experiment 'ghost'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordTransitionAsync_FromWrongState_ThrowsAndChangesNothing()
    {
        var before = await _ledger.FindExperimentAsync(E1);

        var ex = await Assert.ThrowsAsync<LedgerException>(async () =>
            await _ledger.RecordTransitionAsync(new StateTransitionRecord(E1, "synthesis", "characterization", "next", T0.AddHours(1)), ExperimentStatus.Running));

        Assert.Contains("is in state 'Proposed', not 'synthesis'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, await _ledger.FindExperimentAsync(E1));
        Assert.Single(await _ledger.GetTransitionsAsync(E1));
    }

    [Theory]
    [InlineData(ExperimentStatus.Completed)]
    [InlineData(ExperimentStatus.Failed)]
    [InlineData(ExperimentStatus.Aborted)]
    public async Task RecordTransitionAsync_AlreadyFinished_ThrowsAndChangesNothing(ExperimentStatus finished)
    {
        await _ledger.RecordTransitionAsync(new StateTransitionRecord(E1, "Proposed", "Done", "finish", T0.AddHours(1), "why"), finished);
        var before = await _ledger.FindExperimentAsync(E1);

        var ex = await Assert.ThrowsAsync<LedgerException>(async () =>
            await _ledger.RecordTransitionAsync(new StateTransitionRecord(E1, "Done", "synthesis", "restart", T0.AddHours(2)), ExperimentStatus.Running));

        Assert.Contains($"already {finished}", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, await _ledger.FindExperimentAsync(E1));
        Assert.Equal(2, (await _ledger.GetTransitionsAsync(E1)).Count);
    }

    [Fact]
    public async Task RecordTransitionAsync_RunningWithDetail_DoesNotSetFailureReason()
    {
        await _ledger.RecordTransitionAsync(new StateTransitionRecord(E1, "Proposed", "synthesis", "start", T0, "note"), ExperimentStatus.Running);

        Assert.Null((await _ledger.FindExperimentAsync(E1))!.FailureReason);
    }

    [Fact]
    public async Task RecordResultAsync_UnknownExperiment_ThrowsNamingIt()
    {
        var ex = await Assert.ThrowsAsync<LedgerException>(async () => await _ledger.RecordResultAsync(new ExperimentId("ghost"), Result(ParameterSet.Empty, 1.0), T0));

        Assert.Contains("Unknown experiment 'ghost'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public async Task RecordResultAsync_NonFiniteObjective_ThrowsAndChangesNothing(double objective)
    {
        var ex = await Assert.ThrowsAsync<LedgerException>(async () =>
            await _ledger.RecordResultAsync(E1, Result(new ParameterSet([new("toughness", 1.0)]), objective), T0.AddHours(1)));

        Assert.Contains("finite", ex.Message, StringComparison.Ordinal);
        Assert.Equal(Experiment("e1", 1), await _ledger.FindExperimentAsync(E1));
    }

    [Fact]
    public async Task RecordCommandAsync_UnknownExperiment_ThrowsNamingIt()
    {
        var ex = await Assert.ThrowsAsync<LedgerException>(async () => await _ledger.RecordCommandAsync(Command("cmd-2", "ghost")));

        Assert.Contains("unknown experiment 'ghost'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordCommandAsync_DuplicateId_ThrowsAndKeepsOriginal()
    {
        var ex = await Assert.ThrowsAsync<LedgerException>(async () => await _ledger.RecordCommandAsync(Command("cmd-1", "e1") with { Step = "other" }));

        Assert.Contains("Command 'cmd-1' already exists", ex.Message, StringComparison.Ordinal);
        Assert.Equal("synthesis", Assert.Single(await _ledger.GetCommandsAsync(E1)).Step);
    }

    [Fact]
    public async Task RecordEventAsync_UnknownCommand_ThrowsNamingIt()
    {
        var ex = await Assert.ThrowsAsync<LedgerException>(async () =>
            await _ledger.RecordEventAsync(new InstrumentEventRecord(new CommandId("ghost"), new InstrumentId("printer-1"), "completed", T0, "{}")));

        Assert.Contains("unknown command 'ghost'", ex.Message, StringComparison.Ordinal);
    }
}
