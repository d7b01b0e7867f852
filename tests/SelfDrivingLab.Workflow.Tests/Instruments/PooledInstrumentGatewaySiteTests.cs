using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Workflow.Instruments;

namespace SelfDrivingLab.Workflow.Tests.Instruments;

/// <summary>Issue 14 item 2: leasing knows sites — a step's site, the local site first, never across a broken link.</summary>
public sealed class PooledInstrumentGatewaySiteTests
{
    private static readonly TimeSpan Bound = GatewayHarness.Bound;

    [Fact]
    public async Task AcquireAsync_RequestNamesASite_LeasesOnlyThere()
    {
        await using var h = await GatewayHarness.StartAtLocalSiteAsync();
        await h.AddPrinterAtAsync(GatewayHarness.Site, new InstrumentId("local-printer"));
        await h.AddPrinterAtAsync(GatewayHarness.RemoteSite, new InstrumentId("remote-printer"));

        using var lease = await h.Gateway.AcquireAsync(new InstrumentRequest("print", ParameterSet.Empty) { Site = GatewayHarness.RemoteSite }).AsTask().WaitAsync(Bound);

        Assert.Equal((GatewayHarness.RemoteSite, new InstrumentId("remote-printer")), (lease.Site, lease.Instrument));
    }

    [Fact]
    public async Task AcquireAsync_FreeInstrumentsAtBothSites_TakesTheLocalOneFirst()
    {
        await using var h = await GatewayHarness.StartAtLocalSiteAsync();
        // "a-remote" sorts before "z-local": only the site preference puts the local printer first.
        await h.AddPrinterAtAsync(GatewayHarness.RemoteSite, new InstrumentId("a-remote"));
        await h.AddPrinterAtAsync(GatewayHarness.Site, new InstrumentId("z-local"));

        using var first = await h.Gateway.AcquireAsync("print").AsTask().WaitAsync(Bound);
        using var second = await h.Gateway.AcquireAsync("print").AsTask().WaitAsync(Bound);

        Assert.Equal(GatewayHarness.Site, first.Site);
        Assert.Equal(GatewayHarness.RemoteSite, second.Site);
    }

    [Fact]
    public async Task AcquireAsync_LinkToTheRemoteSiteDown_WaitsUntilItIsBack()
    {
        await using var h = await GatewayHarness.StartAtLocalSiteAsync();
        await h.AddPrinterAtAsync(GatewayHarness.RemoteSite, new InstrumentId("remote-printer"));
        await h.SetLinkAsync(GatewayHarness.Site, GatewayHarness.RemoteSite, up: false);

        // The remote printer still looks online by its retained availability; the broken link keeps it from being leased.
        var acquiring = h.Gateway.AcquireAsync("print").AsTask();
        Assert.False(acquiring.IsCompleted);

        await h.SetLinkAsync(GatewayHarness.Site, GatewayHarness.RemoteSite, up: true);
        using var lease = await acquiring.WaitAsync(Bound);
        Assert.Equal(GatewayHarness.RemoteSite, lease.Site);
    }

    [Fact]
    public async Task AcquireAsync_LinkDownUntilTheWaitLimit_FailsNamingTheLink()
    {
        await using var h = await GatewayHarness.StartAtLocalSiteAsync();
        await h.AddPrinterAtAsync(GatewayHarness.RemoteSite, new InstrumentId("remote-printer"));
        await h.SetLinkAsync(GatewayHarness.RemoteSite, GatewayHarness.Site, up: false);

        var acquiring = h.Gateway.AcquireAsync(new InstrumentRequest("print", ParameterSet.Empty) { Site = GatewayHarness.RemoteSite }).AsTask();
        h.Time.Advance(GatewayHarness.WaitTimeout);

        var error = await Assert.ThrowsAsync<NoInstrumentAvailableException>(() => acquiring.WaitAsync(Bound));
        Assert.Contains("at site 'lab-b'", error.Message, StringComparison.Ordinal);
        Assert.Contains("link down to site lab-b", error.Message, StringComparison.Ordinal);
    }
}
