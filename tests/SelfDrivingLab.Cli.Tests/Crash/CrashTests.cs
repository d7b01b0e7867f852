using System.Globalization;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Instruments.Sdk;
using SelfDrivingLab.Ledger;
using SelfDrivingLab.Protocol.Messages;
using Xunit.Abstractions;

namespace SelfDrivingLab.Cli.Tests.Crash;

/// <summary>
/// Issue 5's crash test: the orchestrator (<c>sdl run</c>) runs as its own process against real
/// Mosquitto and the simulators (<c>sdl simulate</c>, another process), and is SIGKILLed at seeded
/// random moments, then restarted on the same ledger, until a run finishes. The ledger and the
/// simulators' execution logs must show every experiment done exactly once and no step run twice.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output) : IDisposable
{
    private const int Budget = 24;
    private const int MinimumKills = 22;
    private const int SimulatorKillAt = 11;
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [RequiresCommandsFact("mosquitto")]
    public async Task Run_KilledAtRandomMomentsAndRestarted_CompletesEveryExperimentExactlyOnce()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var campaign = _dir.File("crash.yaml");
        await File.WriteAllTextAsync(campaign, CampaignText);
        var ledger = _dir.File("ledger.db");
        var executions = _dir.File("executions");
        var address = string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{broker.Port}");
        string[] simulate = ["simulate", campaign, "--broker", address, "--journal-dir", _dir.File("journal"), "--execution-log-dir", executions];
        // No dashboard: kills are timed from the first line, and the dashboard's start-up (a web server) would take a share of
        // every one of the short windows this test gives the orchestrator to make progress in.
        string[] run = ["run", campaign, "--broker", address, "--real-time", "--ledger", ledger, "--external-instruments", "--quiet", "--no-dashboard"];
        var random = new Random(5);
        var simulator = SdlProcess.Start(simulate);
        try
        {
            var kills = 0;
            var progressAtKills = new List<int>();

            // The kill delays stretch while kills land with no progress since the previous one (a loaded machine
            // spends them all on start-up and resume) and shrink back once runs progress again: the moments stay
            // random, and they stay spread over the campaign however fast the machine is.
            var stretch = 1.0;
            for (var attempt = 1; ; attempt++)
            {
                Assert.True(attempt < 200, "the campaign never finished");
                using var orchestrator = SdlProcess.Start(run);
                if (kills < MinimumKills)
                {
                    // Timed from sdl's first line rather than the process start, so a slow (loaded) machine
                    // does not spend every kill on the .NET runtime starting up.
                    Assert.True(await orchestrator.WaitForFirstLineAsync(TimeSpan.FromSeconds(60)), $"run {attempt} printed nothing:\n{orchestrator.Output}");
                    var delay = TimeSpan.FromSeconds((0.3 + (2.2 * random.NextDouble())) * stretch);
                    if (kills == SimulatorKillAt)
                    {
                        // The simulators crash too, mid-campaign; their journal keeps them from running a re-sent command again.
                        await orchestrator.WaitForExitAsync(delay / 2);
                        await simulator.KillAsync();
                        output.WriteLine($"simulator killed; its output:\n{simulator.Output}");
                        simulator.Dispose();
                        simulator = SdlProcess.Start(simulate);
                    }

                    if (!await orchestrator.WaitForExitAsync(delay))
                    {
                        await orchestrator.KillAsync();
                        kills++;
                        var progress = await ReadProgressAsync(ledger);
                        var gained = progress.Finished - progressAtKills.LastOrDefault();
                        stretch = gained == 0 ? Math.Min(stretch * 1.5, 8) : gained >= 2 ? Math.Max(1, stretch / 2) : stretch;
                        progressAtKills.Add(progress.Finished);
                        output.WriteLine($"kill {kills} after {delay.TotalSeconds:F2} s, {progress.Finished} experiments finished");
                        if (progress.Completed)
                        {
                            // Killed while shutting down after the final status write: a restart would
                            // (by design) start a new campaign, as a supervisor checking `sdl status` would not.
                            output.WriteLine("the campaign completed before that kill");
                            break;
                        }

                        continue;
                    }
                }
                else
                {
                    Assert.True(await orchestrator.WaitForExitAsync(TimeSpan.FromSeconds(90)), $"the last run did not finish:\n{orchestrator.Output}");
                }

                Assert.True(orchestrator.ExitCode == 0, $"run {attempt} exited {orchestrator.ExitCode} after {kills} kills:\n{orchestrator.Output}\nsimulator:\n{simulator.Output}");
                output.WriteLine($"run {attempt} finished after {kills} kills:\n{orchestrator.Output}");
                break;
            }

            Assert.True(kills >= 20, $"only {kills} kills landed before the campaign finished; lengthen the steps");

            // Spread over the campaign, not bunched at its start (where only start-up and resume are hit).
            Assert.True(progressAtKills.Distinct().Count() >= 4, $"kills landed at only these progress points: {string.Join(", ", progressAtKills)}");
        }
        finally
        {
            await simulator.KillAsync();
            simulator.Dispose();
        }

        await AssertExactlyOnceAsync(ledger, executions);
    }

    /// <summary>How many experiments the ledger has finished, and whether the campaign is completed (both none before the ledger exists).</summary>
    private static async Task<(int Finished, bool Completed)> ReadProgressAsync(string ledgerPath)
    {
        if (!File.Exists(ledgerPath))
        {
            return (0, false);
        }

        try
        {
            await using var ledger = await SqliteLedger.OpenReadOnlyAsync(ledgerPath);
            var campaign = (await ledger.ListCampaignsAsync()).SingleOrDefault();
            if (campaign is null)
            {
                return (0, false);
            }

            var experiments = await ledger.GetExperimentsAsync(campaign.Id);
            var finished = experiments.Count(e => e.Status is ExperimentStatus.Completed or ExperimentStatus.Failed or ExperimentStatus.Aborted);
            return (finished, campaign.Status == CampaignStatus.Completed);
        }
        catch (LedgerException)
        {
            // Killed before the schema was created: an empty file is not a ledger yet.
            return (0, false);
        }
    }

    /// <summary>
    /// From the ledger and the simulators' execution logs: one campaign, Completed, exactly <paramref name="budget"/>
    /// experiments; no command id and no experiment step executed twice; nothing executed that the ledger had not sent;
    /// every stored result equals what the instrument produced.
    /// </summary>
    internal static async Task AssertExactlyOnceAsync(string ledgerPath, string executionDirectory, int budget = Budget)
    {
        await using var ledger = await SqliteLedger.OpenReadOnlyAsync(ledgerPath);
        await AssertExactlyOnceAsync(ledger, executionDirectory, budget);
    }

    /// <summary>
    /// As <see cref="AssertExactlyOnceAsync(string, string, int)"/>, on an open ledger (e.g. PostgreSQL), for a workflow that
    /// prints, then measures <paramref name="output"/> with <paramref name="measurement"/>. Returns the executions.
    /// </summary>
    internal static async Task<List<ExecutionRecord>> AssertExactlyOnceAsync(ILedger ledger, string executionDirectory, int budget = Budget, string measurement = "measure", string output = "y")
    {
        var campaign = Assert.Single(await ledger.ListCampaignsAsync());
        Assert.Equal(CampaignStatus.Completed, campaign.Status);
        var experiments = await ledger.GetExperimentsAsync(campaign.Id);
        Assert.Equal(Enumerable.Range(1, budget), experiments.Select(e => e.Sequence).Order());
        Assert.All(experiments, e => Assert.True(
            e.Status == ExperimentStatus.Completed || e.FailureReason?.Contains(FileCommandJournal.InterruptedError, StringComparison.Ordinal) == true,
            $"{e.Id} is {e.Status}: {e.FailureReason}"));

        var records = new List<ExecutionRecord>();
        foreach (var file in Directory.GetFiles(executionDirectory, "*.executions.jsonl"))
        {
            records.AddRange(await ExecutionLogFile.ReadAllAsync(file));
        }

        // One line per physical execution: a command id never runs twice, and no experiment's step runs
        // under two command ids (which a re-proposal or a re-issued command after a crash would show).
        Assert.All(records.GroupBy(r => r.CommandId), g => Assert.True(g.Count() == 1, $"command {g.Key} executed {g.Count()} times"));
        Assert.All(records, r => Assert.NotNull(r.Experiment));
        Assert.All(records.GroupBy(r => (r.Experiment, r.Action)), g => Assert.True(g.Count() == 1, $"{g.Key.Experiment} step {g.Key.Action} executed {g.Count()} times: {string.Join(", ", g.Select(r => r.CommandId))}"));
        Assert.All(records, r => Assert.Contains(experiments, e => e.Id == r.Experiment));
        foreach (var experiment in experiments)
        {
            // Nothing ran that the ledger did not send first (write before act).
            var sent = (await ledger.GetCommandsAsync(experiment.Id)).Select(c => c.Id).ToHashSet();
            Assert.All(records.Where(r => r.Experiment == experiment.Id), r => Assert.Contains(r.CommandId, sent));
        }

        foreach (var experiment in experiments.Where(e => e.Status == ExperimentStatus.Completed))
        {
            var synthesis = Assert.Single(records, r => r.Experiment == experiment.Id && r.Action == "print");
            var measured = Assert.Single(records, r => r.Experiment == experiment.Id && r.Action == measurement);
            Assert.Equal(InstrumentEventKind.Completed, synthesis.Outcome);
            Assert.Equal(InstrumentEventKind.Completed, measured.Outcome);
            Assert.Equal(experiment.Parameters, synthesis.Parameters);
            Assert.Equal(measured.Results!.GetNumber(output), experiment.Objective);
            Assert.Equal(measured.Results.GetNumber(output), experiment.Measurements!.GetNumber(output));
        }

        return records;
    }

    // Two steps of one to two seconds on the wall clock and 24 experiments: long enough that 22 kills
    // (0.3-2.5 s after each start) land before the campaign ends — the instruments keep working while the
    // orchestrator is down, so the campaign advances about one experiment per restart, leaving some 6-8
    // for the last run — short enough for a test of under a minute.
    private static readonly string CampaignText = BraninCampaignText.Create("crash", seed: 7, budget: 24, initial: 6, deadline: "20s", "{ distribution: uniform, min: 800ms, max: 2s }");
}
