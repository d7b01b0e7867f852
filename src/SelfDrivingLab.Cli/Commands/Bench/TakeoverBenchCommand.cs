using System.CommandLine;
using System.Globalization;
using SelfDrivingLab.Campaigns;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Hosting;
using SelfDrivingLab.Ledger;
using SelfDrivingLab.Protocol.Security;
using SelfDrivingLab.Transport.Mqtt;
using SelfDrivingLab.Transport.Mqtt.Security;

namespace SelfDrivingLab.Cli.Commands.Bench;

/// <summary>
/// <c>sdl bench takeover --ledger postgres://…</c>: how long a campaign on a shared PostgreSQL ledger stands still when its
/// host dies. Per run: an owner <c>sdl run</c> process runs a two-step campaign on instruments of an <c>sdl simulate</c>
/// process (an embedded broker in this process between them), a second <c>sdl run --standby</c> waits; once the owner has
/// finished a few experiments it is SIGKILLed, and the figure is the time from the kill to the first command the standby
/// stores after taking the campaign over (what the lab sees as the gap).
/// </summary>
public static class TakeoverBenchCommand
{
    private const int ExperimentsBeforeKill = 4;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>Creates the command.</summary>
    public static Command Create(CliConsole console)
    {
        var ledgerOption = new Option<string?>("--ledger")
        {
            Description = "postgres://user@host:port/database (required; each run in a throwaway schema, dropped after; password from Ledger__Password or PGPASSWORD).",
        };
        var lease = new Option<string>("--lease-duration") { Description = "Ledger:LeaseDuration of both hosts (default 3s; the product's default is 15s).", DefaultValueFactory = _ => "3s" };
        var runs = new Option<int>("--runs") { Description = "Kills measured (default 3).", DefaultValueFactory = _ => 3 };
        var command = new Command("takeover", "Time from SIGKILL of a campaign's host to the first command of the standby host that takes it over (PostgreSQL ledger).") { ledgerOption, lease, runs };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(ledgerOption) is not { } uri)
            {
                await console.Error.WriteLineAsync("error: --ledger: give the postgres://user@host:port/database the hosts share (takeover needs a PostgreSQL ledger)").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            if (BenchLedger.Check(uri) is { } ledgerError)
            {
                await console.Error.WriteLineAsync($"error: --ledger: {ledgerError}").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            if (!Durations.TryParsePositive(parse.GetValue(lease), "--lease-duration", console, out var leaseDuration))
            {
                return ExitCodes.BadInput;
            }

            if (parse.GetValue(runs) < 1)
            {
                await console.Error.WriteLineAsync("error: --runs must be at least 1.").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            var directory = Directory.CreateTempSubdirectory("sdl-bench-takeover-").FullName;
            var ledgers = new BenchLedger(uri, directory);
            try
            {
                var times = await MeasureAsync(console, ledgers, directory, leaseDuration, parse.GetValue(runs), cancellationToken).ConfigureAwait(false);
                var sorted = times.Order().ToArray();
                await console.Out.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"takeover with Ledger:LeaseDuration = {leaseDuration.TotalSeconds:0.###} s: median {sorted[sorted.Length / 2]:F2} s, min {sorted[0]:F2} s, max {sorted[^1]:F2} s over {sorted.Length} kills")).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            catch (CampaignHostException ex)
            {
                await console.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.CampaignFailed;
            }
            finally
            {
                try
                {
                    await ledgers.DropAsync().ConfigureAwait(false);
                }
                catch (LedgerException ex)
                {
                    await console.Error.WriteLineAsync($"warning: {ex.Message}").ConfigureAwait(false);
                }

                Directory.Delete(directory, recursive: true);
            }
        });
        return command;
    }

    private static async Task<List<double>> MeasureAsync(CliConsole console, BenchLedger ledgers, string directory, TimeSpan leaseDuration, int runs, CancellationToken cancellationToken)
    {
        var campaignFile = Path.Combine(directory, "takeover.yaml");
        await File.WriteAllTextAsync(campaignFile, CampaignText, cancellationToken).ConfigureAwait(false);
        var facility = FacilityDefinition.Single(CampaignLoader.LoadFile(campaignFile));
        await using var broker = new EmbeddedMqttBroker(new MqttOptions { Tls = false }, access: EmbeddedBrokerAccess.For(new AccessPolicy(facility.Site, FacilityAccess.Of(facility))));
        await broker.StartAsync(cancellationToken).ConfigureAwait(false);
        var credentials = Path.Combine(directory, "credentials.json");
        broker.Access.Credentials.Write(credentials);
        var address = string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{broker.Port}");
        var environment = new Dictionary<string, string> { ["Ledger__LeaseDuration"] = leaseDuration.ToString("c", CultureInfo.InvariantCulture) };
        using var instruments = SdlChildProcess.Start(
            ["simulate", campaignFile, "--broker", address, "--credentials", credentials, "--journal-dir", Path.Combine(directory, "journal")], directory, environment);
        var times = new List<double>(runs);
        for (var run = 1; run <= runs; run++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"takeover{run}");
            string[] host = ["run", campaignFile, "--real-time", "--broker", address, "--credentials", credentials, "--ledger", ledgers.PostgresUriOf(name), "--external-instruments", "--quiet", "--no-dashboard"];
            using var owner = SdlChildProcess.Start(host, directory, environment);
            await UntilAsync(async () => await CompletedAsync(ledgers, name, cancellationToken).ConfigureAwait(false) >= ExperimentsBeforeKill, TimeSpan.FromMinutes(3), $"the owner did not finish {ExperimentsBeforeKill} experiments within 3 minutes", owner, cancellationToken).ConfigureAwait(false);
            using var standby = SdlChildProcess.Start([.. host, "--standby"], directory, environment);
            await UntilAsync(() => Task.FromResult(standby.Lines.Any(l => l.Contains("Standing by", StringComparison.Ordinal))), TimeSpan.FromMinutes(1), "the standby host did not start standing by within a minute", standby, cancellationToken).ConfigureAwait(false);

            // The ledger exists by now: one read-only connection watches for the standby's first command.
            await using var store = await ledgers.OpenReadOnlyAsync(name, cancellationToken).ConfigureAwait(false);
            var campaign = (await store.ListCampaignsAsync(cancellationToken).ConfigureAwait(false))[0].Id;
            var killed = TimeProvider.System.GetUtcNow();
            owner.Kill();
            DateTimeOffset? first = null;
            await UntilAsync(
                async () => (first = await FirstCommandAfterAsync(store, campaign, killed, cancellationToken).ConfigureAwait(false)) is not null,
                (leaseDuration * 3) + TimeSpan.FromMinutes(1),
                "the standby stored no command after the owner was killed",
                standby,
                cancellationToken).ConfigureAwait(false);
            var seconds = (first!.Value - killed).TotalSeconds;
            times.Add(seconds);
            var took = standby.Lines.FirstOrDefault(l => l.Contains("Took campaign", StringComparison.Ordinal));
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"run {run}: the standby's first command {seconds:F2} s after SIGKILL of the owner{(took is null ? string.Empty : " (" + took.Trim() + ")")}")).ConfigureAwait(false);
        }

        return times;
    }

    private static async Task<int> CompletedAsync(BenchLedger ledgers, string run, CancellationToken cancellationToken)
    {
        try
        {
            await using var store = await ledgers.OpenReadOnlyAsync(run, cancellationToken).ConfigureAwait(false);
            var campaigns = await store.ListCampaignsAsync(cancellationToken).ConfigureAwait(false);
            return campaigns.Count == 0 ? 0 : (await store.GetExperimentsAsync(campaigns[0].Id, cancellationToken).ConfigureAwait(false)).Count(e => e.Status == ExperimentStatus.Completed);
        }
        catch (LedgerException)
        {
            return 0; // the owner has not created its ledger yet
        }
    }

    private static async Task<DateTimeOffset?> FirstCommandAfterAsync(ILedgerStore store, Core.Ids.CampaignId campaign, DateTimeOffset killed, CancellationToken cancellationToken)
    {
        DateTimeOffset? first = null;
        foreach (var experiment in await store.GetExperimentsAsync(campaign, cancellationToken).ConfigureAwait(false))
        {
            foreach (var command in await store.GetCommandsAsync(experiment.Id, cancellationToken).ConfigureAwait(false))
            {
                if (command.SentAt > killed && (first is null || command.SentAt < first))
                {
                    first = command.SentAt;
                }
            }
        }

        return first;
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan bound, string failure, SdlChildProcess watched, CancellationToken cancellationToken)
    {
        var deadline = TimeProvider.System.GetUtcNow() + bound;
        while (!await condition().ConfigureAwait(false))
        {
            if (TimeProvider.System.GetUtcNow() > deadline || watched.HasExited)
            {
                throw new CampaignHostException($"{failure}{(watched.HasExited ? " (it exited)" : string.Empty)}; its last output:{Environment.NewLine}{watched.Tail()}");
            }

            await Task.Delay(Poll, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }
    }

    // Two instruments, two steps of 0.5–1 s, two experiments in flight: a host always has commands outstanding when killed.
    private const string CampaignText = """
        name: takeover-bench
        seed: 11
        budget: 200
        parallel: 2
        objective: { output: y, goal: minimize }
        space:
          - { name: x1, type: continuous, low: -5, high: 10 }
          - { name: x2, type: continuous, low: 0, high: 15 }
        initial_design: { kind: sobol, count: 4 }
        workflow:
          - name: synthesis
            capability: print
            deadline: 20s
            parameters: { x1: $x1, x2: $x2 }
          - name: measuring
            capability: measure
            deadline: 20s
            parameters: { sample_id: $steps.synthesis.sample_id, x1: $x1, x2: $x2 }
        simulators:
          - id: printer-1
            type: synthesis
            capability: print
            parameters: [x1, x2]
            duration: { distribution: uniform, min: 500ms, max: 1s }
          - id: tester-1
            type: characterization
            capability: measure
            duration: { distribution: uniform, min: 500ms, max: 1s }
            ground_truth: { function: branin, inputs: [x1, x2], output: y, noise_sd: 0.5 }
        """;
}
