using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Workflow.Instruments;

namespace SelfDrivingLab.Workflow.Tests.Instruments;

public sealed class PooledInstrumentGatewayAdmissionTests
{
    private static readonly InstrumentId Printer1 = new("printer-1");
    private static readonly InstrumentId Evil = new("printer-evil");

    private static AdmittedInstrument Registered(InstrumentId instrument, params string[] capabilities) =>
        new(GatewayHarness.Site, instrument, capabilities.ToHashSet(StringComparer.Ordinal));

    [Fact]
    public async Task AcquireAsync_UnregisteredInstrumentOfferingTheCapability_IsNeverCommandedAndIsRecordedOnce()
    {
        await using var h = await GatewayHarness.StartWithAdmissionAsync([Registered(Printer1, "print")], "printer-evil", "printer-1");

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(Printer1, (await h.PrintAsync()).Printer);
        }

        Assert.DoesNotContain(h.Received, r => r.Printer == Evil);
        await h.Gateway.FlushStatusWritesAsync();
        var refused = Assert.Single(h.Ledger.Records);
        Assert.Equal((Evil, InstrumentStatusKind.NotAdmitted, PooledInstrumentGateway.OrchestratorActor), (refused.Instrument, refused.Kind, refused.Actor));
        Assert.Contains("not registered", refused.Detail, StringComparison.Ordinal);
        Assert.Equal(Evil, Assert.Single(h.Gateway.AwaitingAdmission).Instrument);
    }

    [Fact]
    public async Task AcquireAsync_RegisteredInstrumentAnnouncingMoreThanAdmitted_TimesOutNamingTheCapabilityAndTheCommand()
    {
        await using var h = await GatewayHarness.StartWithAdmissionAsync([Registered(Printer1, "print")]);
        await h.AddPrinterAnnouncingAsync(Printer1, "anneal");

        var waiting = h.Gateway.AcquireAsync("print").AsTask();
        h.Time.Advance(GatewayHarness.WaitTimeout);

        var ex = await Assert.ThrowsAsync<NoInstrumentAvailableException>(() => waiting.WaitAsync(GatewayHarness.Bound));
        Assert.Contains("lab-a/printer-1 (announces capabilities outside what was admitted: anneal (admitted: print))", ex.Message, StringComparison.Ordinal);
        Assert.Contains("sdl control admit", ex.Message, StringComparison.Ordinal);
        Assert.Empty(h.Received);
        await h.Gateway.FlushStatusWritesAsync();
        Assert.Contains("announces: anneal, print", Assert.Single(h.Ledger.Records).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admit_WhileAStepWaits_LeasesTheInstrumentAndRecordsWhatWasAdmitted()
    {
        await using var h = await GatewayHarness.StartWithAdmissionAsync([Registered(Printer1, "print")], "printer-evil");
        var waiting = h.Gateway.AcquireAsync("print").AsTask();
        Assert.False(waiting.IsCompleted);

        Assert.Null(h.Gateway.Admit(GatewayHarness.Site, Evil, "alice"));

        using var lease = await waiting.WaitAsync(GatewayHarness.Bound);
        Assert.Equal(Evil, lease.Instrument);
        Assert.Empty(h.Gateway.AwaitingAdmission);
        await h.Gateway.FlushStatusWritesAsync();
        var admitted = h.Ledger.Records[^1];
        Assert.Equal((InstrumentStatusKind.Admitted, "alice", "print"), (admitted.Kind, admitted.Actor, admitted.Detail));
    }

    [Fact]
    public async Task Admit_InstrumentAlreadyAdmittedOrAnnouncingNothing_IsRefusedAndRecordsNothing()
    {
        await using var h = await GatewayHarness.StartWithAdmissionAsync([Registered(Printer1, "print")], "printer-1");

        Assert.Contains("already admitted", h.Gateway.Admit(GatewayHarness.Site, Printer1, "alice"), StringComparison.Ordinal);
        Assert.Contains("announced no capabilities", h.Gateway.Admit(GatewayHarness.Site, new InstrumentId("xrd-9"), "alice"), StringComparison.Ordinal);
        await h.Gateway.FlushStatusWritesAsync();
        Assert.Empty(h.Ledger.Records);
    }

    [Fact]
    public async Task RestoreInstrumentStatusAsync_AdmissionInTheLedger_AdmitsForExactlyThoseCapabilities()
    {
        await using var h = await GatewayHarness.StartWithAdmissionAsync([]);
        await h.Ledger.RecordInstrumentStatusAsync(new(GatewayHarness.Site, Evil, InstrumentStatusKind.Admitted, h.Time.GetUtcNow(), "alice", "print"));
        await h.Gateway.RestoreInstrumentStatusAsync();
        await h.AddPrinterAsync(Evil);

        Assert.Equal(Evil, (await h.PrintAsync()).Printer);

        // Announcing one capability more than was admitted takes it out of service again.
        await h.AddPrinterAnnouncingAsync(Evil, "anneal");
        var waiting = h.Gateway.AcquireAsync("print").AsTask();
        h.Time.Advance(GatewayHarness.WaitTimeout);
        await Assert.ThrowsAsync<NoInstrumentAvailableException>(() => waiting.WaitAsync(GatewayHarness.Bound));
    }

    [Fact]
    public async Task AcquireAsync_WithoutARegistry_AdmitsEveryInstrument()
    {
        await using var h = await GatewayHarness.StartAsync(3, "printer-evil");

        Assert.Equal(Evil, (await h.PrintAsync()).Printer);
        Assert.Empty(h.Gateway.AwaitingAdmission);
    }
}
