using SelfDrivingLab.Campaigns;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Instruments.Sdk;
using SelfDrivingLab.Ledger;

namespace SelfDrivingLab.Hosting.Tests;

/// <summary>Several campaigns on one host, sharing fewer instruments than they could use together.</summary>
[Collection(VirtualClockCollection.Name)]
public sealed class FacilityHostTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RunAllAsync_SharedFacility_EveryCampaignFinishesAndNoInstrumentRunsTwoCommandsAtOnce()
    {
        var facility = CampaignLoader.LoadFacilityFile(RepositoryPaths.Workflow("shared-facility.yaml"));
        var settings = new CampaignHostSettings(facility) { LedgerPath = _dir.File("ledger.db"), ExecutionLogDirectory = _dir.File("executions") };

        var summaries = await CampaignHost.RunAllAsync(settings).WaitAsync(TimeSpan.FromSeconds(120));

        Assert.Equal(["toughest-barrel", "target-barrel", "ridge-barrel"], summaries.Select(s => s.Name));
        Assert.All(summaries, s => Assert.Equal((CampaignStatus.Completed, 16), (s.Status, s.Experiments)));

        // Every campaign progressed while the others ran: each one's first result came before any one's last.
        await using var ledger = await SqliteLedger.OpenReadOnlyAsync(_dir.File("ledger.db"));
        var finishTimes = new List<List<DateTimeOffset>>();
        var sent = new List<string>();
        foreach (var summary in summaries)
        {
            var experiments = await ledger.GetExperimentsAsync(summary.CampaignId);
            finishTimes.Add([.. experiments.Select(e => e.UpdatedAt).Order()]);
            foreach (var e in experiments)
            {
                sent.AddRange((await ledger.GetCommandsAsync(e.Id)).Select(c => c.Id.Value));
            }
        }

        Assert.True(finishTimes.Max(t => t[0]) < finishTimes.Min(t => t[^1]), "a campaign only started after another had finished");

        // One command at a time per instrument, every command executed exactly once, both printers used.
        var executions = new List<ExecutionRecord>();
        foreach (var log in Directory.GetFiles(_dir.File("executions"), "*.jsonl"))
        {
            var records = (await ExecutionLogFile.ReadAllAsync(log)).OrderBy(r => r.StartedAt).ToList();
            for (var i = 1; i < records.Count; i++)
            {
                Assert.True(records[i].StartedAt >= records[i - 1].FinishedAt, $"{records[i].Instrument} overlapped {records[i - 1].CommandId} and {records[i].CommandId}");
            }

            executions.AddRange(records);
        }

        Assert.Equal(sent.Order(StringComparer.Ordinal), executions.Select(e => e.CommandId.Value).Order(StringComparer.Ordinal));
        // Both printers were shared: each printed for more than one campaign.
        string CampaignOf(ExecutionRecord e) => summaries.Single(s => e.CommandId.Value.StartsWith(s.CampaignId.Value + "-", StringComparison.Ordinal)).Name;
        var printers = executions.Where(e => e.Action == "print").GroupBy(e => e.Instrument).ToList();
        Assert.Equal(2, printers.Count);
        Assert.All(printers, printer => Assert.True(printer.Select(CampaignOf).Distinct().Count() > 1, $"{printer.Key} served one campaign only"));
    }
}
