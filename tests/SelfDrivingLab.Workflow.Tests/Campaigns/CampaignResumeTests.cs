using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Core.Time;
using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Workflow.Campaigns;
using SelfDrivingLab.Workflow.Experiments;
using SelfDrivingLab.Workflow.Instruments;
using SelfDrivingLab.Workflow.Tests.Fakes;

namespace SelfDrivingLab.Workflow.Tests.Campaigns;

/// <summary>A campaign whose orchestrator stopped mid-way (the ledger is the only memory) is resumed, not restarted.</summary>
public sealed class CampaignResumeTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly InMemoryLedger _ledger = new();
    private readonly CampaignId _campaign = new("test-campaign-1");

    [Fact]
    public async Task RunAsync_LedgerHasAnUnfinishedCampaign_FinishesItWithExactlyItsBudget()
    {
        var definition = TestCampaigns.TwoSteps(budget: 6);
        await _ledger.CreateCampaignAsync(new CampaignRecord(_campaign, definition.Name, definition.SourceText, 3, 6, CampaignStatus.Running, Start, Start));
        await AddCompletedAsync(1, 2.0);
        await AddCompletedAsync(2, 8.0);
        var gateway = Lab();

        var summary = await Runner(gateway).RunAsync(definition);

        Assert.Equal(_campaign, summary.CampaignId);
        Assert.Equal((CampaignStatus.Completed, 6, 6), (summary.Status, summary.Experiments, summary.Completed));
        Assert.Equal(4 * 2, gateway.Sent.Count);
        Assert.Single(await _ledger.ListCampaignsAsync());
        Assert.Equal(Enumerable.Range(1, 6), (await _ledger.GetExperimentsAsync(_campaign)).Select(e => e.Sequence));
    }

    [Fact]
    public async Task RunAsync_LedgerHasAnUnfinishedCampaign_TellsTheObserverWhatWasDoneAndInFlight()
    {
        var definition = TestCampaigns.TwoSteps(budget: 6);
        await _ledger.CreateCampaignAsync(new CampaignRecord(_campaign, definition.Name, definition.SourceText, 3, 6, CampaignStatus.Running, Start, Start));
        await AddCompletedAsync(1, 2.0);
        await AddCompletedAsync(2, 8.0);
        await AddRunningAsync(3, "synthesis");
        _time.Advance(TimeSpan.FromHours(5));
        var observer = new ResumeObserver();

        await Runner(Lab()).RunAsync(definition, observer);

        // Issue 9 item 15: a resume is visible, once, with what it found.
        var resumed = Assert.Single(observer.Resumed);
        Assert.Equal(new CampaignResumption(_campaign, definition.Name, Done: 2, InFlight: 1, Budget: 6, LabTime: TimeSpan.FromHours(5)), resumed with { Revision = null });
        Assert.Equal(4, observer.Finished);

        // Stored before ledger schema 3 (no identity): resumed because its text is the same, and its identity is stored now.
        Assert.Equal(CampaignRevisionKind.FreeChanges, resumed.Revision!.Kind);
        Assert.StartsWith("identity: stored", Assert.Single(resumed.Revision.Changes), StringComparison.Ordinal);
        Assert.NotNull((await _ledger.FindCampaignAsync(_campaign))!.Identity);
    }

    [Fact]
    public async Task RunAsync_NewCampaign_TellsTheObserverNothingWasResumed()
    {
        var observer = new ResumeObserver();

        await Runner(Lab()).RunAsync(TestCampaigns.TwoSteps(budget: 2), observer);

        Assert.Empty(observer.Resumed);
    }

    [Fact]
    public async Task RunAsync_CommandInFlightAtTheStop_IsSentAgainUnderTheSameIdNotANewOne()
    {
        var definition = TestCampaigns.TwoSteps(budget: 1);
        await _ledger.CreateCampaignAsync(new CampaignRecord(_campaign, definition.Name, definition.SourceText, 3, 1, CampaignStatus.Running, Start, Start));
        var id = await AddRunningAsync(1, "synthesis");
        var commandId = new CommandId($"{id}-s1");
        await _ledger.RecordCommandAsync(new CommandRecord(commandId, id, new InstrumentId("anneal-1"), "synthesis", "anneal", new ParameterSet([new("temperature", 0.5)]), Start, Start.AddHours(2)));
        var gateway = Lab();

        var summary = await Runner(gateway).RunAsync(definition);

        Assert.Equal((1, 1), (summary.Experiments, summary.Completed));
        Assert.Equal([commandId.Value, $"{id}-s2"], gateway.Sent.Select(c => c.CommandId.Value));
        Assert.Contains(await _ledger.GetEventsAsync(commandId), e => e.Kind == ExperimentRunner.ReconcileEvent);
    }

    [Fact]
    public async Task RunAsync_FinalEventStoredButNotApplied_UsesItWithoutSendingAnything()
    {
        var definition = TestCampaigns.TwoSteps(budget: 1);
        await _ledger.CreateCampaignAsync(new CampaignRecord(_campaign, definition.Name, definition.SourceText, 3, 1, CampaignStatus.Running, Start, Start));
        var id = await AddRunningAsync(1, "synthesis");
        var commandId = new CommandId($"{id}-s1");
        var instrument = new InstrumentId("anneal-1");
        await _ledger.RecordCommandAsync(new CommandRecord(commandId, id, instrument, "synthesis", "anneal", ParameterSet.Empty, Start, Start.AddHours(2)));
        var completed = new InstrumentEvent(InstrumentEventKind.Completed, commandId, instrument, Start.AddHours(1), Results: new ParameterSet([new("sample_id", "S-9")]));
        await _ledger.RecordEventAsync(new InstrumentEventRecord(commandId, instrument, "completed", Start.AddHours(1), System.Text.Encoding.UTF8.GetString(ProtocolJson.Serialize(completed))));
        var gateway = Lab();

        var summary = await Runner(gateway).RunAsync(definition);

        Assert.Equal(1, summary.Completed);
        var sent = Assert.Single(gateway.Sent);
        Assert.Equal("S-9", sent.Parameters!["sample_id"].Text);
    }

    [Fact]
    public async Task RunAsync_FinishedCampaignWithTheSameName_StartsANewOne()
    {
        var definition = TestCampaigns.TwoSteps(budget: 1);
        await _ledger.CreateCampaignAsync(new CampaignRecord(_campaign, definition.Name, definition.SourceText, 3, 1, CampaignStatus.Completed, Start, Start));

        var summary = await Runner(Lab()).RunAsync(definition);

        Assert.NotEqual(_campaign, summary.CampaignId);
        Assert.Equal(2, (await _ledger.ListCampaignsAsync()).Count);
    }

    private static ScriptedGateway Lab() => new ScriptedGateway()
        .Answer("anneal", _ => new StepCommandResult(StepCommandStatus.Completed, new ParameterSet([new("sample_id", "S")])))
        .Answer("measure", c => new StepCommandResult(StepCommandStatus.Completed, new ParameterSet([new("y", c.Parameters!.GetNumber("x"))])));

    private async Task AddCompletedAsync(int sequence, double y)
    {
        var id = await AddRunningAsync(sequence, ExperimentStates.Proposed);
        await _ledger.RecordResultAsync(id, new ExperimentResult([new StepOutputs("characterization", new ParameterSet([new("y", y)]))], [new ObjectiveValue("y", y)]), Start);
        await _ledger.RecordTransitionAsync(new StateTransitionRecord(id, ExperimentStates.Proposed, ExperimentStates.Completed, "test", Start), ExperimentStatus.Completed);
    }

    private async Task<ExperimentId> AddRunningAsync(int sequence, string state)
    {
        var id = new ExperimentId($"{_campaign}-e{sequence:0000}");
        var status = state == ExperimentStates.Proposed ? ExperimentStatus.Proposed : ExperimentStatus.Running;
        await _ledger.AddExperimentAsync(new ExperimentRecord(id, _campaign, sequence, new ParameterSet([new("x", sequence / 10.0)]), status, state, "{}", Start, Start));
        return id;
    }

    private CampaignRunner Runner(IInstrumentGateway gateway) => new(
        _ledger,
        new ExperimentRunner(_ledger, gateway, _time, NoWorkTracker.Instance, NullLogger<ExperimentRunner>.Instance),
        _time,
        NoWorkTracker.Instance,
        NullLogger<CampaignRunner>.Instance);

    private sealed class ResumeObserver : ICampaignObserver
    {
        public List<CampaignResumption> Resumed { get; } = [];

        public int Finished { get; private set; }

        public void OnExperimentFinished(CampaignProgress progress) => Finished++;

        public void OnCampaignResumed(CampaignResumption resumption) => Resumed.Add(resumption);
    }
}
