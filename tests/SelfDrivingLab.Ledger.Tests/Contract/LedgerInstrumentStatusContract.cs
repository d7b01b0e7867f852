using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using static SelfDrivingLab.Ledger.Tests.LedgerTestFiles;

namespace SelfDrivingLab.Ledger.Tests.Contract;

public abstract class LedgerInstrumentStatusContract(ILedgerTestStore store) : LedgerContract(store)
{
    private static readonly SiteId Site = new("lab-a");
    private static readonly InstrumentId Printer = new("printer-1");
    [Fact]
    public async Task RecordInstrumentStatusAsync_QuarantineThenReturn_ReadsBackOldestFirst()
    {
        var quarantined = new InstrumentStatusRecord(Site, Printer, InstrumentStatusKind.Quarantined, T0, "orchestrator", "3 consecutive failures");
        var returned = new InstrumentStatusRecord(Site, Printer, InstrumentStatusKind.ReturnedToService, T0.AddHours(2), "alice", "nozzle replaced");
        await using (var ledger = await OpenAsync())
        {
            await ledger.RecordInstrumentStatusAsync(returned);
            await ledger.RecordInstrumentStatusAsync(quarantined);
        }

        await using var reopened = await OpenReadOnlyAsync();
        Assert.Equal([quarantined, returned], await reopened.GetInstrumentStatusesAsync());
    }

    [Fact]
    public async Task RecordInstrumentStatusAsync_AdmissionEvents_ReadBackWithTheirKindsAndCapabilities()
    {
        var refused = new InstrumentStatusRecord(Site, Printer, InstrumentStatusKind.NotAdmitted, T0, "orchestrator", "not registered for the facility; announces: print");
        var admitted = new InstrumentStatusRecord(Site, Printer, InstrumentStatusKind.Admitted, T0.AddMinutes(5), "alice", InstrumentStatusRecord.DescribeCapabilities(["print", "anneal"]));
        await using (var ledger = await OpenAsync())
        {
            await ledger.RecordInstrumentStatusAsync(refused);
            await ledger.RecordInstrumentStatusAsync(admitted);
        }

        await using var reopened = await OpenReadOnlyAsync();
        var stored = await reopened.GetInstrumentStatusesAsync();
        Assert.Equal([refused, admitted], stored);
        Assert.Equal(["anneal", "print"], stored[1].AdmittedCapabilities);
        Assert.Empty(stored[0].AdmittedCapabilities);
    }

    [Fact]
    public async Task GetInstrumentStatusesAsync_UnknownStoredKind_ThrowsNamingIt()
    {
        await using (var ledger = await OpenAsync())
        {
            await ledger.RecordInstrumentStatusAsync(new(Site, Printer, InstrumentStatusKind.Quarantined, T0, "orchestrator", "why"));
        }

        await Store.ExecuteSqlAsync("UPDATE instrument_status SET kind = 'teleported';");

        await using var reopened = await OpenReadOnlyAsync();
        var ex = await Assert.ThrowsAsync<LedgerException>(async () => await reopened.GetInstrumentStatusesAsync());
        Assert.Contains("'teleported'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData((InstrumentStatusKind)99, "orchestrator", "99 is not one of")]
    [InlineData(InstrumentStatusKind.Quarantined, " ", "no actor")]
    public async Task RecordInstrumentStatusAsync_InvalidRecord_ThrowsNamingTheProblemAndStoresNothing(InstrumentStatusKind kind, string actor, string expected)
    {
        await using var ledger = await OpenAsync();

        var ex = await Assert.ThrowsAsync<LedgerException>(async () => await ledger.RecordInstrumentStatusAsync(new(Site, Printer, kind, T0, actor, "detail")));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Empty(await ledger.GetInstrumentStatusesAsync());
    }

    [Fact]
    public async Task RecordEventAsync_LateEventForAFinishedExperiment_IsStoredVerbatim()
    {
        await using var ledger = await OpenAsync();
        await ledger.CreateCampaignAsync(Campaign());
        await ledger.AddExperimentAsync(Experiment("e1", 1));
        await ledger.RecordCommandAsync(Command("e1-s1", "e1"));
        await ledger.RecordEventAsync(new(new CommandId("e1-s1"), Printer, "timeout", T0.AddMinutes(130), "no final event"));
        await ledger.RecordTransitionAsync(new(new ExperimentId("e1"), "Proposed", "Failed", "StepFailed", T0.AddMinutes(131), "timed out"), ExperimentStatus.Failed);
        const string payload = """{"kind":"completed","command_id":"e1-s1","instrument":"printer-1","at":"2026-03-01T12:00:00Z","results":{"sample_id":"s-9"},"protocol":"sdl/v1"}""";

        await ledger.RecordEventAsync(new(new CommandId("e1-s1"), Printer, "late", T0.AddMinutes(140), payload));

        var events = await ledger.GetEventsAsync(new CommandId("e1-s1"));
        Assert.Equal(["timeout", "late"], events.Select(e => e.Kind));
        Assert.Equal(payload, events[^1].Payload);
        Assert.Equal(ExperimentStatus.Failed, (await ledger.FindExperimentAsync(new ExperimentId("e1")))!.Status);
    }
}
