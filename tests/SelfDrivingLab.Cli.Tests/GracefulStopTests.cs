using System.Globalization;
using SelfDrivingLab.Cli.Tests.Crash;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Ledger;

namespace SelfDrivingLab.Cli.Tests;

/// <summary>
/// Stops that lose nothing (issue 11 item 6), with real processes: SIGTERM mid-campaign dispatches nothing new, waits
/// for the commands in flight, stores the campaign Interrupted and exits 0 printing the command that resumes it; that
/// command finishes the campaign with exactly its budget and nothing executed twice.
/// </summary>
public sealed class GracefulStopTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [RequiresCommandsFact("mosquitto", "kill")]
    public async Task Run_SigtermMidCampaign_WaitsForCommandsInFlightExitsZeroAndTheNextRunFinishesExactlyOnce()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var campaign = _dir.File("stop.yaml");
        await File.WriteAllTextAsync(campaign, Campaign(budget: 10, "{ distribution: uniform, min: 800ms, max: 1500ms }"));
        var ledger = _dir.File("ledger.db");
        var executions = _dir.File("executions");
        var address = string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{broker.Port}");
        using var simulator = SdlProcess.Start("simulate", campaign, "--broker", address, "--journal-dir", _dir.File("journal"), "--execution-log-dir", executions);
        string[] run = ["run", campaign, "--broker", address, "--real-time", "--ledger", ledger, "--external-instruments"];
        try
        {
            using (var first = SdlProcess.Start(new Dictionary<string, string> { ["Campaign__StopGracePeriod"] = "00:00:30" }, run))
            {
                Assert.True(await first.WaitForOutputAsync("[ 3/10]", Bound), first.Output);
                await first.TerminateAsync();
                Assert.True(await first.WaitForExitAsync(Bound), first.Output);

                Assert.True(first.ExitCode == ExitCodes.Ok, $"exit {first.ExitCode}:\n{first.Output}");
                Assert.Contains("Campaign 'stop' was interrupted and nothing is lost", first.Output, StringComparison.Ordinal);
                Assert.Contains($"  sdl run {campaign} --ledger {ledger} --broker {address} --real-time --external-instruments{Environment.NewLine}", first.Output, StringComparison.Ordinal);
                Assert.False(StackTraces.In(first.Output), first.Output);
            }

            await AssertInterruptedWithNothingInFlightAsync(ledger);

            using var second = SdlProcess.Start(run);
            Assert.True(await second.WaitForExitAsync(Bound), second.Output);
            Assert.True(second.ExitCode == ExitCodes.Ok, $"exit {second.ExitCode}:\n{second.Output}");
            Assert.Contains("Resumed campaign", second.Output, StringComparison.Ordinal);
        }
        finally
        {
            await simulator.KillAsync();
        }

        await CrashTests.AssertExactlyOnceAsync(ledger, executions, budget: 10);
    }

    [RequiresCommandsFact("kill")]
    public async Task Run_SigtermOnTheVirtualClock_InFlightSimulatedCommandsFinishInVirtualTimeAndTheNextRunFinishes()
    {
        var campaign = _dir.File("stop.yaml");
        await File.WriteAllTextAsync(campaign, Campaign(budget: 40, "{ mean: 90m, sd: 15m }"));
        var ledger = _dir.File("ledger.db");

        using (var first = SdlProcess.Start("run", campaign, "--ledger", ledger))
        {
            Assert.True(await first.WaitForOutputAsync("[ 3/40]", Bound), first.Output);
            await first.TerminateAsync();
            Assert.True(await first.WaitForExitAsync(Bound), first.Output);

            Assert.True(first.ExitCode == ExitCodes.Ok, $"exit {first.ExitCode}:\n{first.Output}");
            Assert.Contains($"  sdl run {campaign} --ledger {ledger}{Environment.NewLine}", first.Output, StringComparison.Ordinal);
        }

        // The simulated instruments died with the process: had anything been left in flight, it would be lost now.
        await AssertInterruptedWithNothingInFlightAsync(ledger);

        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await SdlCommandLine.RunAsync(["run", campaign, "--ledger", ledger, "--quiet"], output, error).WaitAsync(Bound);

        Assert.True(exit == ExitCodes.Ok, $"exit {exit}: {error}");
        await using var stored = await SqliteLedger.OpenReadOnlyAsync(ledger);
        var only = Assert.Single(await stored.ListCampaignsAsync());
        Assert.Equal(CampaignStatus.Completed, only.Status);
        var experiments = await stored.GetExperimentsAsync(only.Id);
        Assert.Equal(Enumerable.Range(1, 40), experiments.Select(e => e.Sequence));
        Assert.All(experiments, e => Assert.NotEqual(ExperimentStatus.Aborted, e.Status));
        foreach (var experiment in experiments)
        {
            var commands = await stored.GetCommandsAsync(experiment.Id);
            Assert.Equal(commands.Select(c => c.Step).Distinct().Count(), commands.Count);
        }
    }

    /// <summary>The campaign is Interrupted, nothing was aborted, and every command sent has its final event (none was left in flight).</summary>
    private static async Task AssertInterruptedWithNothingInFlightAsync(string ledgerPath)
    {
        await using var ledger = await SqliteLedger.OpenReadOnlyAsync(ledgerPath);
        var campaign = Assert.Single(await ledger.ListCampaignsAsync());
        Assert.Equal(CampaignStatus.Interrupted, campaign.Status);
        var experiments = await ledger.GetExperimentsAsync(campaign.Id);
        Assert.Contains(experiments, e => e.Status is ExperimentStatus.Running or ExperimentStatus.Proposed);
        Assert.All(experiments, e => Assert.NotEqual(ExperimentStatus.Aborted, e.Status));
        foreach (var experiment in experiments)
        {
            foreach (var command in await ledger.GetCommandsAsync(experiment.Id))
            {
                var kinds = (await ledger.GetEventsAsync(command.Id)).Select(e => e.Kind).ToList();
                Assert.True(kinds.Contains("completed") || kinds.Contains("failed"), $"{command.Id} has no final event: {string.Join(", ", kinds)}");
            }
        }
    }

    private static string Campaign(int budget, string duration) => BraninCampaignText.Create("stop", seed: 11, budget, initial: 4, deadline: "4h", duration);
}
