using Microsoft.Extensions.Logging.Abstractions;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Core.Time;
using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Workflow.Experiments;
using SelfDrivingLab.Workflow.Instruments;
using SelfDrivingLab.Workflow.Tests.Fakes;

namespace SelfDrivingLab.Workflow.Tests.Experiments;

/// <summary>Issue 14: a transfer step ships the sample between sites, taking its duration on the campaign's clock.</summary>
public sealed class ExperimentRunnerTransferTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private static readonly SiteId LabB = new("lab-b");
    private readonly SignallingTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryLedger _ledger = new();

    [Fact]
    public async Task RunAsync_TransferBetweenSteps_WaitsItsDurationRecordsItInTheTimelineAndRunsTheNextStepWhereTheSampleIs()
    {
        var gateway = Gateway();
        var experiment = await ProposeAsync();
        var transferStarts = _time.NextTimer;

        var run = Runner(gateway).RunAsync(experiment, WithTransfer());
        Assert.Equal(TimeSpan.FromHours(2), await transferStarts.WaitAsync(Bound));
        Assert.False(run.IsCompleted);
        Assert.Single(gateway.Sent); // only the synthesis so far
        _time.Advance(TimeSpan.FromHours(2));
        var outcome = await run.WaitAsync(Bound);

        Assert.Equal(ExperimentStatus.Completed, outcome.Status);
        var transitions = await _ledger.GetTransitionsAsync(experiment.Id);
        var shipped = Assert.Single(transitions, t => t.To == "ship-to-b");
        var arrived = Assert.Single(transitions, t => t.From == "ship-to-b");
        Assert.Equal(("characterization", TimeSpan.FromHours(2)), (arrived.To, arrived.At - shipped.At));
        Assert.Contains("arrived at site 'lab-b'", arrived.Detail, StringComparison.Ordinal);
        Assert.Equal([null, LabB], gateway.Requests.Select(r => r.Site));
        var commands = await _ledger.GetCommandsAsync(experiment.Id);
        Assert.Equal([new SiteId("lab"), LabB], commands.Select(c => c.Site));
        Assert.Equal(["synthesis", "characterization"], commands.Select(c => c.Step));
    }

    [Fact]
    public async Task RunAsync_ResumedInTheMiddleOfATransfer_WaitsOnlyForWhatIsLeft()
    {
        await ProposeAsync();
        var stored = await InTransferSinceAsync(TimeSpan.FromMinutes(30));
        var gateway = Gateway();
        var transferResumes = _time.NextTimer;

        var run = Runner(gateway).RunAsync(stored, WithTransfer());

        Assert.Equal(TimeSpan.FromMinutes(90), await transferResumes.WaitAsync(Bound));
        _time.Advance(TimeSpan.FromMinutes(90));
        Assert.Equal(ExperimentStatus.Completed, (await run.WaitAsync(Bound)).Status);
        Assert.Equal(["c1-e0002-s3"], gateway.Sent.Select(c => c.CommandId.Value)); // the synthesis is not sent again
    }

    [Fact]
    public async Task RunAsync_ResumedWithACommandInFlightAtAnotherSite_ReconcilesItThereThoughTheStepNamesNoSite()
    {
        await ProposeAsync();
        var stored = await InTransferSinceAsync(TimeSpan.FromHours(3));
        var id = stored.Id;
        var sent = _time.GetUtcNow() - TimeSpan.FromMinutes(10);
        await _ledger.RecordTransitionAsync(new StateTransitionRecord(id, "ship-to-b", "characterization", "StepSucceeded", sent), ExperimentStatus.Running);
        await _ledger.RecordCommandAsync(new CommandRecord(new CommandId("c1-e0002-s3"), id, new InstrumentId("measure-1"), "characterization", "measure", new ParameterSet([new("x", 0.5)]), sent, sent + TimeSpan.FromHours(1)) { Site = LabB });
        var gateway = Gateway();
        var campaign = TestCampaigns.TwoSteps(); // its steps name no site: only the ledger knows the command went to lab-b

        var outcome = await Runner(gateway).RunAsync((await _ledger.FindExperimentAsync(id))!, campaign).WaitAsync(Bound);

        Assert.Equal(ExperimentStatus.Completed, outcome.Status);
        var request = Assert.Single(gateway.Requests);
        Assert.Equal((LabB, "measure-1"), (request.Only!.Site, request.Only.Instrument.Value));
        Assert.Equal(["c1-e0002-s3"], gateway.Sent.Select(c => c.CommandId.Value)); // the same id, sent again
    }

    private static CampaignDefinition WithTransfer()
    {
        var campaign = TestCampaigns.TwoSteps();
        return campaign with { Steps = [TestCampaigns.Synthesis, WorkflowStepDefinition.ForTransfer("ship-to-b", new SampleTransfer(LabB, TimeSpan.FromHours(2))), TestCampaigns.Characterization] };
    }

    // A ledger as a host stopped mid-shipment leaves it: the synthesis done, the experiment in the transfer state since then.
    private async Task<ExperimentRecord> InTransferSinceAsync(TimeSpan ago)
    {
        var id = new ExperimentId("c1-e0002");
        var now = _time.GetUtcNow();
        var experiment = new ExperimentRecord(id, new CampaignId("c1"), 2, new ParameterSet([new("x", 0.5)]), ExperimentStatus.Proposed, ExperimentStates.Proposed, "{}", now, now);
        await _ledger.AddExperimentAsync(experiment);
        await _ledger.RecordTransitionAsync(new StateTransitionRecord(id, ExperimentStates.Proposed, "synthesis", "Start", now - ago - TimeSpan.FromHours(1)), ExperimentStatus.Running);
        var command = new CommandRecord(new CommandId("c1-e0002-s1"), id, new InstrumentId("anneal-1"), "synthesis", "anneal", ParameterSet.Empty, now - ago - TimeSpan.FromHours(1), now);
        await _ledger.RecordCommandAsync(command);
        var completed = new InstrumentEvent(InstrumentEventKind.Completed, command.Id, command.Instrument, now - ago, Results: new ParameterSet([new("sample_id", "S-1")]));
        await _ledger.RecordEventAsync(new InstrumentEventRecord(command.Id, command.Instrument, "completed", now - ago, System.Text.Encoding.UTF8.GetString(ProtocolJson.Serialize(completed))));
        await _ledger.RecordTransitionAsync(new StateTransitionRecord(id, "synthesis", "ship-to-b", "StepSucceeded", now - ago), ExperimentStatus.Running);
        return (await _ledger.FindExperimentAsync(id))!;
    }

    private static ScriptedGateway Gateway() => new ScriptedGateway()
        .Answer("anneal", _ => Done(("sample_id", "S-1")))
        .Answer("measure", c => Done(("y", c.Parameters!.GetNumber("x") * 10)));

    private static StepCommandResult Done(params (string Name, ParameterValue Value)[] results) =>
        new(StepCommandStatus.Completed, new ParameterSet(results.Select(r => new KeyValuePair<string, ParameterValue>(r.Name, r.Value))));

    private ExperimentRunner Runner(IInstrumentGateway gateway) => new(_ledger, gateway, _time, NoWorkTracker.Instance, NullLogger<ExperimentRunner>.Instance);

    private async Task<ExperimentRecord> ProposeAsync()
    {
        var campaign = new CampaignId("c1");
        var now = _time.GetUtcNow();
        await _ledger.CreateCampaignAsync(new CampaignRecord(campaign, "c1", "yaml", 1, 5, CampaignStatus.Running, now, now));
        var experiment = new ExperimentRecord(new ExperimentId("c1-e0001"), campaign, 1, new ParameterSet([new("x", 0.5)]), ExperimentStatus.Proposed, ExperimentStates.Proposed, "{}", now, now);
        await _ledger.AddExperimentAsync(experiment);
        return experiment;
    }
}
