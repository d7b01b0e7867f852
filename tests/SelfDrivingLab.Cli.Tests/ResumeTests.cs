using System.Text.Json;
using SelfDrivingLab.Cli.Tests.Crash;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Ledger;

namespace SelfDrivingLab.Cli.Tests;

/// <summary>`sdl run` killed mid-campaign on the virtual clock and run again: it says so, and time carries on (issue 9 items 6 and 15).</summary>
[Collection(VirtualClockCollection.Name)]
public sealed class ResumeTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Run_KilledMidCampaignThenRunAgain_SaysItResumedAndCountsTheWholeLabTime()
    {
        var quickstart = RepositoryPaths.Workflow("quickstart.yaml");
        var ledgerPath = _dir.File("ledger.db");
        using (var first = SdlProcess.Start("run", quickstart, "--ledger", ledgerPath))
        {
            Assert.True(await first.WaitForOutputAsync("[10/48]", Bound), first.Output);
            await first.KillAsync();
        }

        CampaignRecord campaign;
        int done, inFlight;
        TimeSpan labTimeAtKill;
        await using (var ledger = await SqliteLedger.OpenReadOnlyAsync(ledgerPath))
        {
            campaign = Assert.Single(await ledger.ListCampaignsAsync());
            Assert.Equal(CampaignStatus.Running, campaign.Status);
            var experiments = await ledger.GetExperimentsAsync(campaign.Id);
            inFlight = experiments.Count(e => e.Status is ExperimentStatus.Proposed or ExperimentStatus.Running);
            done = experiments.Count - inFlight;
            labTimeAtKill = (await ledger.GetLatestRecordedTimeAsync())!.Value - campaign.CreatedAt;
        }

        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await SdlCommandLine.RunAsync(["run", quickstart, "--ledger", ledgerPath, "--quiet", "--summary-json", _dir.File("summary.json")], output, error).WaitAsync(Bound);

        Assert.True(exit == 0, $"exit {exit}: {error}");
        Assert.Contains($"Resumed campaign {campaign.Id} from the ledger: {done} of 48 experiments done, {inFlight} in flight", output.ToString(), StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(_dir.File("summary.json")));
        Assert.Equal(campaign.Id.Value, summary.RootElement.GetProperty("campaign").GetString());
        var labTime = TimeSpan.FromHours(summary.RootElement.GetProperty("lab_time_hours").GetDouble());
        Assert.True(labTime > labTimeAtKill, $"lab time {labTime} is less than the {labTimeAtKill} spent before the kill");
        Assert.True(labTime > TimeSpan.FromDays(2), $"lab time {labTime}: the uninterrupted quickstart takes about 3 days");
    }
}
