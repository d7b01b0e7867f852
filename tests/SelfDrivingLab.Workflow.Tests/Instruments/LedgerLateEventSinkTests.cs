using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Protocol.Client;
using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Protocol.Topics;
using SelfDrivingLab.Workflow.Instruments;
using SelfDrivingLab.Workflow.Tests.Fakes;

namespace SelfDrivingLab.Workflow.Tests.Instruments;

public sealed class LedgerLateEventSinkTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RecordLateEventAsync_KnownCommand_StoresALateRowWithThePayloadVerbatim()
    {
        var ledger = new InMemoryLedger();
        var campaign = new CampaignId("c1");
        var experiment = new ExperimentId("c1-e0001");
        var command = new CommandId("c1-e0001-s1");
        var printer = new InstrumentId("printer-1");
        await ledger.CreateCampaignAsync(new(campaign, "c1", "name: c1", 1, 1, CampaignStatus.Running, T0, T0));
        await ledger.AddExperimentAsync(new(experiment, campaign, 1, ParameterSet.Empty, ExperimentStatus.Proposed, "Proposed", "{}", T0, T0));
        await ledger.RecordCommandAsync(new(command, experiment, printer, "printing", "print", ParameterSet.Empty, T0, T0.AddHours(3)));
        var late = new InstrumentEvent(InstrumentEventKind.Completed, command, printer, T0.AddHours(4), Results: new ParameterSet([new("sample_id", "s-1")]));
        const string payload = """{ "kind" : "completed", "as": "received" }""";

        await new LedgerLateEventSink(ledger).RecordLateEventAsync(new(new InstrumentTopics(new SiteId("lab"), printer), late, payload, T0.AddHours(5)));

        var row = Assert.Single(ledger.Events);
        Assert.Equal(new InstrumentEventRecord(command, printer, LateInstrumentEvent.LedgerKind, T0.AddHours(5), payload), row);
    }
}
