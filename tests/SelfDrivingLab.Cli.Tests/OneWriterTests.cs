using SelfDrivingLab.Cli.Tests.Crash;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Ledger;

namespace SelfDrivingLab.Cli.Tests;

/// <summary>
/// One writer per ledger (issue 11 item 5), with real processes: a second <c>sdl run</c> on a ledger another one writes is
/// refused at once, naming the first, and touches nothing of it; readers keep working; the lock dies with a SIGKILLed host.
/// </summary>
public sealed class OneWriterTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Run_SecondHostOnALedgerInUse_RefusedNamingTheFirstWhichFinishesUntouched()
    {
        var campaign = await WriteCampaignAsync(budget: 10);
        var ledger = _dir.File("ledger.db");
        using var first = SdlProcess.Start("run", campaign, "--ledger", ledger, "--real-time");
        Assert.True(await first.WaitForOutputAsync("[ 1/10]", Bound), first.Output);
        var endpoint = await File.ReadAllTextAsync(ledger + ".control.json");

        using var second = SdlProcess.Start("run", campaign, "--ledger", ledger, "--real-time");
        Assert.True(await second.WaitForExitAsync(Bound), second.Output);

        Assert.Equal(ExitCodes.BadInput, second.ExitCode);
        Assert.Contains($"error: could not run campaign 'one-writer': the ledger '{ledger}' is in use by another writer: process {first.Id} (", second.Output, StringComparison.Ordinal);
        Assert.Contains($"on host {Environment.MachineName}, started ", second.Output, StringComparison.Ordinal);
        Assert.False(StackTraces.In(second.Output), second.Output);
        Assert.Equal(endpoint, await File.ReadAllTextAsync(ledger + ".control.json"));

        // Readers do not take the lock: status and export work while the first host writes.
        var output = new StringWriter();
        Assert.Equal(ExitCodes.Ok, await SdlCommandLine.RunAsync(["status", ledger], output, new StringWriter()).WaitAsync(Bound));
        Assert.Contains("running", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, await SdlCommandLine.RunAsync(["export", ledger, "--csv", _dir.File("during.csv")], new StringWriter(), new StringWriter()).WaitAsync(Bound));

        Assert.True(await first.WaitForExitAsync(Bound), first.Output);
        Assert.True(first.ExitCode == ExitCodes.Ok, first.Output);
        await using var stored = await SqliteLedger.OpenReadOnlyAsync(ledger);
        var only = Assert.Single(await stored.ListCampaignsAsync());
        Assert.Equal(CampaignStatus.Completed, only.Status);
        var experiments = await stored.GetExperimentsAsync(only.Id);
        Assert.Equal(Enumerable.Range(1, 10), experiments.Select(e => e.Sequence));
        foreach (var experiment in experiments)
        {
            // One command per step: the refused host sent nothing.
            var commands = await stored.GetCommandsAsync(experiment.Id);
            Assert.Equal(commands.Select(c => c.Step).Distinct().Count(), commands.Count);
        }
    }

    [Fact]
    public async Task Run_AfterTheWriterWasKilled_TakesTheLedgerAtOnceAndResumes()
    {
        var campaign = await WriteCampaignAsync(budget: 4);
        var ledger = _dir.File("ledger.db");
        using (var first = SdlProcess.Start("run", campaign, "--ledger", ledger, "--real-time"))
        {
            Assert.True(await first.WaitForOutputAsync("[1/4]", Bound), first.Output);
            await first.KillAsync();
        }

        Assert.True(File.Exists(LedgerLock.PathFor(ledger)), "the lock file stays (it is never deleted)");
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await SdlCommandLine.RunAsync(["run", campaign, "--ledger", ledger, "--real-time", "--quiet"], output, error).WaitAsync(Bound);

        Assert.True(exit == ExitCodes.Ok, $"exit {exit}: {error}");
        Assert.Contains("Resumed campaign", output.ToString(), StringComparison.Ordinal);
    }

    // Wall-clock steps of about a second on the embedded broker: long enough for a second process to start meanwhile.
    private async Task<string> WriteCampaignAsync(int budget)
    {
        var path = _dir.File("one-writer.yaml");
        await File.WriteAllTextAsync(path, BraninCampaignText.Create("one-writer", seed: 3, budget, initial: 4, deadline: "30s", "{ distribution: uniform, min: 800ms, max: 1500ms }"));
        return path;
    }
}
