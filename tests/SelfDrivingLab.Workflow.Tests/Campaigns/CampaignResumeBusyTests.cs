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

/// <summary>
/// An orchestrator stopped between a <c>busy</c> refusal and its retry (crash test, issue 5): the
/// resumed run must go on retrying under a new command id, as the live run would, not fail the
/// experiment on a refusal where nothing ran.
/// </summary>
public sealed class CampaignResumeBusyTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly InstrumentId Furnace = new("anneal-1");
    private readonly FakeTimeProvider _time = new(Start);
    private readonly InMemoryLedger _ledger = new();
    private readonly CampaignId _campaign = new("test-campaign-1");

    [Fact]
    public async Task RunAsync_StoppedAfterABusyRefusal_RetriesUnderTheNextAttemptsId()
    {
        var definition = TestCampaigns.TwoSteps(budget: 1);
        var id = await AddRunningExperimentAsync(definition);
        var refused = new CommandId($"{id}-s1");
        await _ledger.RecordCommandAsync(new CommandRecord(refused, id, Furnace, "synthesis", "anneal", ParameterSet.Empty, Start, Start.AddHours(2)));
        var busy = new InstrumentEvent(InstrumentEventKind.Rejected, refused, Furnace, Start, Error: ExperimentRunner.BusyError, Message: "all channels busy");
        await _ledger.RecordEventAsync(new InstrumentEventRecord(refused, Furnace, "rejected", Start, System.Text.Encoding.UTF8.GetString(ProtocolJson.Serialize(busy))));
        var gateway = Lab(busyAnswers: 0);

        var summary = await Runner(gateway).RunAsync(definition);

        Assert.Equal((CampaignStatus.Completed, 1), (summary.Status, summary.Completed));
        Assert.Equal([$"{id}-s1-r2", $"{id}-s2"], gateway.Sent.Select(c => c.CommandId.Value));
    }

    [Fact]
    public async Task RunAsync_ReSentCommandRefusedBusy_RetriesUnderANewIdInsteadOfFailing()
    {
        var definition = TestCampaigns.TwoSteps(budget: 1);
        var id = await AddRunningExperimentAsync(definition);
        var inFlight = new CommandId($"{id}-s1");
        await _ledger.RecordCommandAsync(new CommandRecord(inFlight, id, Furnace, "synthesis", "anneal", ParameterSet.Empty, Start, Start.AddHours(2)));
        var gateway = Lab(busyAnswers: 1);

        var summary = await Runner(gateway).RunAsync(definition);

        Assert.Equal((CampaignStatus.Completed, 1), (summary.Status, summary.Completed));
        Assert.Equal([inFlight.Value, $"{id}-s1-r2", $"{id}-s2"], gateway.Sent.Select(c => c.CommandId.Value));
    }

    /// <summary>The furnace refuses the first <paramref name="busyAnswers"/> anneals as busy, then completes.</summary>
    private static ScriptedGateway Lab(int busyAnswers)
    {
        var anneals = 0;
        return new ScriptedGateway()
            .Answer("anneal", _ => Interlocked.Increment(ref anneals) <= busyAnswers
                ? new StepCommandResult(StepCommandStatus.Rejected, null, ExperimentRunner.BusyError, "all channels busy")
                : new StepCommandResult(StepCommandStatus.Completed, new ParameterSet([new("sample_id", "S")])))
            .Answer("measure", c => new StepCommandResult(StepCommandStatus.Completed, new ParameterSet([new("y", c.Parameters!.GetNumber("x"))])));
    }

    private async Task<ExperimentId> AddRunningExperimentAsync(SelfDrivingLab.Campaigns.Definitions.CampaignDefinition definition)
    {
        await _ledger.CreateCampaignAsync(new CampaignRecord(_campaign, definition.Name, definition.SourceText, 3, 1, CampaignStatus.Running, Start, Start));
        var id = new ExperimentId($"{_campaign}-e0001");
        await _ledger.AddExperimentAsync(new ExperimentRecord(id, _campaign, 1, new ParameterSet([new("x", 0.1)]), ExperimentStatus.Running, "synthesis", "{}", Start, Start));
        return id;
    }

    private CampaignRunner Runner(IInstrumentGateway gateway) => new(
        _ledger,
        new ExperimentRunner(_ledger, gateway, _time, NoWorkTracker.Instance, NullLogger<ExperimentRunner>.Instance),
        _time,
        NoWorkTracker.Instance,
        NullLogger<CampaignRunner>.Instance);
}
