using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;
using static SelfDrivingLab.Ledger.Tests.LedgerTestFiles;

namespace SelfDrivingLab.Ledger.Tests.Contract;

public abstract class LedgerRoundTripContract(ILedgerTestStore store) : LedgerContract(store)
{
    [Fact]
    public async Task CreateCampaignAsync_NewCampaign_ReadsBackEqualWithOffsetPreserved()
    {
        await using var ledger = await OpenAsync();
        var offsetTime = new DateTimeOffset(2026, 3, 1, 11, 30, 0, TimeSpan.FromHours(2));
        var campaign = Campaign("c1", offsetTime);

        await ledger.CreateCampaignAsync(campaign);
        var read = await ledger.FindCampaignAsync(campaign.Id);

        Assert.Equal(campaign, read);
        Assert.Equal(TimeSpan.FromHours(2), read!.CreatedAt.Offset);
    }

    [Fact]
    public async Task ListCampaignsAsync_CreatedOutOfOrder_OldestFirstByInstant()
    {
        await using var ledger = await OpenAsync();
        // 10:00+02:00 is 08:00Z, earlier than 09:30Z even though its text sorts later.
        await ledger.CreateCampaignAsync(Campaign("late", T0));
        await ledger.CreateCampaignAsync(Campaign("early", new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(2))));

        var list = await ledger.ListCampaignsAsync();

        Assert.Equal(["early", "late"], list.Select(c => c.Id.Value));
    }

    [Theory]
    [InlineData(CampaignStatus.Completed)]
    [InlineData(CampaignStatus.Interrupted)]
    public async Task SetCampaignStatusAsync_KnownCampaign_UpdatesStatusAndTime(CampaignStatus status)
    {
        await using (var ledger = await OpenAsync())
        {
            await ledger.CreateCampaignAsync(Campaign());
            await ledger.SetCampaignStatusAsync(new CampaignId("c1"), status, T0.AddHours(5));
        }

        await using var reopened = await OpenReadOnlyAsync();
        var read = await reopened.FindCampaignAsync(new CampaignId("c1"));
        Assert.Equal(Campaign() with { Status = status, UpdatedAt = T0.AddHours(5) }, read);
    }

    [Fact]
    public async Task AddExperimentAsync_NewExperiment_ReadsBackEqualWithFirstTransition()
    {
        await using var ledger = await OpenAsync();
        await ledger.CreateCampaignAsync(Campaign());
        var experiment = Experiment("e1", 1);

        await ledger.AddExperimentAsync(experiment);

        var read = await ledger.FindExperimentAsync(experiment.Id);
        Assert.Equal(experiment, read);
        Assert.Equal(0.1 + 0.2, read!.Parameters.GetNumber("theta")); // exact double round trip
        var transition = Assert.Single(await ledger.GetTransitionsAsync(experiment.Id));
        Assert.Equal(new StateTransitionRecord(experiment.Id, SqliteLedger.NoState, "Proposed", SqliteLedger.ProposedTrigger, experiment.ProposedAt), transition);
    }

    [Fact]
    public async Task GetExperimentsAsync_AddedOutOfOrder_InSequenceOrder()
    {
        await using var ledger = await OpenAsync();
        await ledger.CreateCampaignAsync(Campaign());
        await ledger.CreateCampaignAsync(Campaign("c2"));
        await ledger.AddExperimentAsync(Experiment("e2", 2));
        await ledger.AddExperimentAsync(Experiment("e1", 1));
        await ledger.AddExperimentAsync(Experiment("other", 1, "c2"));

        var list = await ledger.GetExperimentsAsync(new CampaignId("c1"));

        Assert.Equal(["e1", "e2"], list.Select(e => e.Id.Value));
    }

    [Fact]
    public async Task RecordTransitionAsync_ThroughWorkflowToFailed_StoresStateStatusReasonAndHistory()
    {
        await using var ledger = await OpenAsync();
        await ledger.CreateCampaignAsync(Campaign());
        await ledger.AddExperimentAsync(Experiment("e1", 1));
        var id = new ExperimentId("e1");
        var start = new StateTransitionRecord(id, "Proposed", "synthesis", "start", T0.AddMinutes(5));
        var fail = new StateTransitionRecord(id, "synthesis", "Failed", "step-failed", T0.AddMinutes(9), "printer jammed");

        await ledger.RecordTransitionAsync(start, ExperimentStatus.Running);
        await ledger.RecordTransitionAsync(fail, ExperimentStatus.Failed);

        var read = await ledger.FindExperimentAsync(id);
        Assert.Equal(Experiment("e1", 1) with { Status = ExperimentStatus.Failed, State = "Failed", UpdatedAt = fail.At, FailureReason = "printer jammed" }, read);
        Assert.Equal(["", "Proposed", "synthesis"], (await ledger.GetTransitionsAsync(id)).Select(t => t.From));
        Assert.Equal(fail, (await ledger.GetTransitionsAsync(id))[^1]);
    }

    [Fact]
    public async Task RecordResultAsync_KnownExperiment_StoresMeasurementsAndObjective()
    {
        await using var ledger = await OpenAsync();
        await ledger.CreateCampaignAsync(Campaign());
        await ledger.AddExperimentAsync(Experiment("e1", 1));
        var measurements = new ParameterSet([new("toughness", 1.0 / 3.0), new("sample_id", "s-1")]);

        await ledger.RecordResultAsync(new ExperimentId("e1"), Result(measurements, 1.0 / 3.0), T0.AddHours(1));

        var read = await ledger.FindExperimentAsync(new ExperimentId("e1"));
        Assert.Equal(measurements, read!.Measurements);
        Assert.Equal(1.0 / 3.0, read.Objective);
        Assert.Equal(T0.AddHours(1), read.UpdatedAt);
    }

    [Fact]
    public async Task RecordResultAsync_EveryStepsOutputsAndTheObjectiveVector_ReadBackInOrderAndExact()
    {
        await using var ledger = await OpenAsync();
        await ledger.CreateCampaignAsync(Campaign());
        await ledger.AddExperimentAsync(Experiment("e1", 1));
        StepOutputs[] outputs =
        [
            new("print", new ParameterSet([new("sample_id", "s-1"), new("mass", 2.5)])),
            new("test", new ParameterSet([new("sample_id", "s-1b"), new("toughness", 1.0 / 3.0), new("strain", 0.1 + 0.2)])),
        ];
        ObjectiveValue[] objectives = [new("toughness", 1.0 / 3.0), new("strain", 0.1 + 0.2)];

        await ledger.RecordResultAsync(new ExperimentId("e1"), new ExperimentResult(outputs, objectives), T0.AddHours(1));

        var read = (await ledger.FindExperimentAsync(new ExperimentId("e1")))!;
        Assert.Equal(["print", "test"], read.Outputs!.Select(o => o.Step));
        Assert.Equal(outputs.Select(o => o.Outputs), read.Outputs!.Select(o => o.Outputs));
        Assert.Equal(objectives, read.Objectives);
        Assert.Equal(1.0 / 3.0, read.Objective);
        Assert.Equal("s-1b", read.Measurements!["sample_id"].Text); // the later step wins in the merged view
    }

    [Fact]
    public async Task RecordResultAsync_FailedExperimentsOutputs_StoredWithoutAnObjective()
    {
        await using var ledger = await OpenAsync();
        await ledger.CreateCampaignAsync(Campaign());
        await ledger.AddExperimentAsync(Experiment("e1", 1));

        await ledger.RecordResultAsync(new ExperimentId("e1"), new ExperimentResult([new("print", new ParameterSet([new("sample_id", "s-1")]))], []), T0.AddHours(1));

        var read = (await ledger.FindExperimentAsync(new ExperimentId("e1")))!;
        Assert.Equal((null, null), (read.Objective, read.Objectives));
        Assert.Equal("s-1", Assert.Single(read.Outputs!).Outputs["sample_id"].Text);
    }

    [Fact]
    public async Task CreateCampaignAsync_WithIdentity_ReadsItBack()
    {
        await using var ledger = await OpenAsync();
        var campaign = Campaign() with { Identity = "{\"version\":1}" };

        await ledger.CreateCampaignAsync(campaign);

        Assert.Equal(campaign, await ledger.FindCampaignAsync(campaign.Id));
    }

    [Fact]
    public async Task RecordCommandAndEventAsync_Stored_ReadBackInTimeOrder()
    {
        await using var ledger = await OpenAsync();
        await ledger.CreateCampaignAsync(Campaign());
        await ledger.AddExperimentAsync(Experiment("e1", 1));
        var second = Command("cmd-2", "e1") with { SentAt = T0.AddMinutes(20) };
        var first = Command("cmd-1", "e1");
        var accepted = new InstrumentEventRecord(first.Id, first.Instrument, "accepted", T0.AddMinutes(11), """{"ok":true}""");
        var completed = new InstrumentEventRecord(first.Id, first.Instrument, "completed", T0.AddMinutes(50), """{"sample_id":"s-1"}""");

        await ledger.RecordCommandAsync(second);
        await ledger.RecordCommandAsync(first);
        await ledger.RecordEventAsync(completed);
        await ledger.RecordEventAsync(accepted);

        Assert.Equal([first, second], await ledger.GetCommandsAsync(new ExperimentId("e1")));
        Assert.Equal([accepted, completed], await ledger.GetEventsAsync(first.Id));
    }

    [Fact]
    public async Task RecordCommandAsync_SentToAnotherSite_SiteReadBackAfterReopen()
    {
        await using (var ledger = await OpenAsync())
        {
            await ledger.CreateCampaignAsync(Campaign());
            await ledger.AddExperimentAsync(Experiment("e1", 1));
            await ledger.RecordCommandAsync(Command("cmd-1", "e1") with { Site = new SiteId("lab-b") });
            await ledger.RecordCommandAsync(Command("cmd-2", "e1") with { SentAt = T0.AddMinutes(20) });
        }

        // A restarted host reads where each command went: the named site, or none (the campaign's own site).
        await using var reopened = await OpenReadOnlyAsync();
        var commands = await reopened.GetCommandsAsync(new ExperimentId("e1"));
        Assert.Equal([new SiteId("lab-b"), null], commands.Select(c => c.Site));
    }

    [Fact]
    public async Task FindAsync_UnknownIds_NullOrEmpty()
    {
        await using var ledger = await OpenAsync();

        Assert.Null(await ledger.FindCampaignAsync(new CampaignId("nope")));
        Assert.Null(await ledger.FindExperimentAsync(new ExperimentId("nope")));
        Assert.Empty(await ledger.GetExperimentsAsync(new CampaignId("nope")));
        Assert.Empty(await ledger.GetEventsAsync(new CommandId("nope")));
    }

    [Fact]
    public async Task OpenAsync_AfterDisposeAndReopen_KeepsData()
    {
        await using (var ledger = await OpenAsync())
        {
            await ledger.CreateCampaignAsync(Campaign());
            await ledger.AddExperimentAsync(Experiment("e1", 1));
        }

        await using var reopened = await OpenAsync();

        Assert.Equal(Campaign(), await reopened.FindCampaignAsync(new CampaignId("c1")));
        Assert.Equal(Experiment("e1", 1), await reopened.FindExperimentAsync(new ExperimentId("e1")));
    }

    [Fact]
    public async Task Operations_AfterDispose_ThrowObjectDisposed()
    {
        var ledger = await OpenAsync();
        await ledger.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await ledger.CreateCampaignAsync(Campaign()));
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await ledger.ListCampaignsAsync());
    }
}
