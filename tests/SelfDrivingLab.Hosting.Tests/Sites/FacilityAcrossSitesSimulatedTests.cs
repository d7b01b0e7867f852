using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Tests.Sites;

namespace SelfDrivingLab.Hosting.Tests.Sites;

/// <summary>
/// The two-site example simulated on the virtual clock: one embedded broker stands in for both sites' brokers. In the
/// virtual-clock collection, as every simulated campaign (the clock advances only when the process is idle).
/// </summary>
[Collection(VirtualClockCollection.Name)]
public sealed class FacilityAcrossSitesSimulatedTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RunAsync_SimulatedOnTheEmbeddedBroker_RunsEachStepAtItsSiteAndRecordsTheTransfer()
    {
        // Virtual time, one embedded broker standing in for both sites' brokers.
        var facility = TwoSiteFacility.LoadExample();
        var settings = new CampaignHostSettings(facility) { LedgerPath = _dir.File("ledger.db") };

        var summary = await CampaignHost.RunAsync(settings).WaitAsync(Bound);

        Assert.True(summary.Status == CampaignStatus.Completed, summary.Error);
        Assert.Equal(facility.Campaigns[0].Budget, summary.Completed);
        await using var ledger = await SelfDrivingLab.Ledger.SqliteLedger.OpenReadOnlyAsync(_dir.File("ledger.db"));
        foreach (var experiment in await ledger.GetExperimentsAsync(Assert.Single(await ledger.ListCampaignsAsync()).Id))
        {
            var commands = await ledger.GetCommandsAsync(experiment.Id);
            Assert.Equal([("printer-a1", (SiteId?)TwoSiteFacility.Hub), ("tester-b1", TwoSiteFacility.Remote)], commands.Select(c => (c.Instrument.Value, c.Site)));
            var timeline = await ledger.GetTransitionsAsync(experiment.Id);
            var shipped = Assert.Single(timeline, t => t.To == "ship-to-b");
            var arrived = Assert.Single(timeline, t => t.From == "ship-to-b");
            Assert.Equal(TimeSpan.FromHours(2), arrived.At - shipped.At);
        }
    }
}
