using System.Diagnostics.Metrics;
using SelfDrivingLab.Campaigns;
using SelfDrivingLab.Core.Diagnostics;

namespace SelfDrivingLab.Hosting.Tests.Telemetry;

/// <summary>Issue 12 item 5: a campaign host counts its finished experiments on the product's meter.</summary>
[Collection(VirtualClockCollection.Name)]
public sealed class CampaignMetricsTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RunAsync_ShortCampaign_CountsEachFinishedExperimentByStatus()
    {
        var counted = new List<(long Value, string? Status, string? Campaign)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == SdlTelemetry.Name && instrument.Name == "sdl.experiments.finished")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string? status = null, campaign = null;
            foreach (var tag in tags)
            {
                status = tag.Key == "status" ? (string?)tag.Value : status;
                campaign = tag.Key == "campaign" ? (string?)tag.Value : campaign;
            }

            lock (counted)
            {
                counted.Add((value, status, campaign));
            }
        });
        listener.Start();
        var quickstart = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
        var definition = quickstart with
        {
            Name = "metrics-test",
            Budget = 3,
            Proposer = quickstart.Proposer with { InitialCount = 3 },
            Simulators = [.. quickstart.Simulators.Select(s => s with { FailureRate = 0 })],
        };

        var summary = await CampaignHost.RunAsync(new CampaignHostSettings(definition) { LedgerPath = _dir.File("ledger.db") });

        List<(long Value, string? Status, string? Campaign)> mine;
        lock (counted)
        {
            mine = [.. counted.Where(c => c.Campaign == definition.Name)];
        }

        Assert.Equal(3, summary.Completed);
        Assert.Equal(3, mine.Count);
        Assert.All(mine, c => Assert.Equal((1, "completed"), (c.Value, c.Status)));
    }
}
