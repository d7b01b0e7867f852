using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Core.Time;
using SelfDrivingLab.Hosting;
using SelfDrivingLab.Ledger;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Proposals;
using SelfDrivingLab.Optimization.Space;
using SelfDrivingLab.Protocol.Bus;
using SelfDrivingLab.Transport.Mqtt;
using SelfDrivingLab.Transport.Mqtt.Security;
using SelfDrivingLab.Protocol.Security;
using SelfDrivingLab.Core.Security;

namespace SelfDrivingLab.Cli.Commands.Bench;

/// <summary>
/// <c>sdl bench orchestration</c>: steps per second through the whole orchestrator (proposal, ledger,
/// state machine, command, events) on N zero-duration simulated instruments, and the latency it adds
/// per step compared with a bare MQTT request/response round trip on the same broker.
/// </summary>
public static class OrchestrationBenchCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliConsole console)
    {
        var instruments = new Option<int>("--instruments") { Description = "Simulated instruments (default 32).", DefaultValueFactory = _ => 32 };
        var steps = new Option<int>("--steps") { Description = "Steps in the throughput run (default 1000).", DefaultValueFactory = _ => 1000 };
        var sequential = new Option<int>("--sequential") { Description = "Steps in the one-at-a-time latency run (default 200).", DefaultValueFactory = _ => 200 };
        var roundTrips = new Option<int>("--round-trips") { Description = "Bare MQTT round trips (default 1000).", DefaultValueFactory = _ => 1000 };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the figures as JSON." };
        var noTls = new Option<bool>("--no-tls") { Description = "Plain TCP instead of TLS (the default, as in sdl run) on the embedded broker, to measure what TLS costs." };
        var ledgerOption = new Option<string?>("--ledger")
        {
            Description = "postgres://user@host:port/database to measure the PostgreSQL ledger (each run in a throwaway schema, dropped after; password from Ledger__Password or PGPASSWORD). Default: SQLite files in a temporary directory.",
        };
        var command = new Command("orchestration", "Orchestrator throughput and added latency per step versus a bare MQTT round trip.") { instruments, steps, sequential, roundTrips, json, noTls, ledgerOption };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var n = parse.GetValue(instruments);
            if (n < 1 || parse.GetValue(steps) < 1 || parse.GetValue(sequential) < 1 || parse.GetValue(roundTrips) < 1)
            {
                console.Error.WriteLine("error: --instruments, --steps, --sequential and --round-trips must be at least 1.");
                return ExitCodes.BadInput;
            }

            if (BenchLedger.Check(parse.GetValue(ledgerOption)) is { } ledgerError)
            {
                console.Error.WriteLine($"error: --ledger: {ledgerError}");
                return ExitCodes.BadInput;
            }

            if (parse.GetValue(json) is { } target && !OutputPaths.CheckFile(target, "--json", console))
            {
                return ExitCodes.BadInput;
            }

            // The broker enforces the bench facility's identities, as sdl run's does; every client authenticates.
            var tls = !parse.GetValue(noTls);
            var identities = FacilityAccess.Of(FacilityDefinition.Single(BenchCampaign(n, 1, 1))).Append(new BrokerIdentity(EchoInstrument, BrokerRole.Instrument));
            await using var broker = new EmbeddedMqttBroker(new MqttOptions { Tls = tls }, access: EmbeddedBrokerAccess.For(new AccessPolicy(BenchSite, identities)));
            await broker.StartAsync(cancellationToken);
            var rtt = await BareRoundTripsAsync(broker, tls, parse.GetValue(roundTrips), cancellationToken);
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"broker: embedded, {(tls ? "TLS" : "plain TCP")}, authenticated clients"));
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bare MQTT request/response: median {rtt.Median * 1e3:F3} ms, mean {rtt.Mean * 1e3:F3} ms over {rtt.Count} round trips"));

            var directory = Path.Combine(Path.GetTempPath(), "sdl-bench-" + Guid.NewGuid().ToString("N"));
            var ledgers = new BenchLedger(parse.GetValue(ledgerOption), directory);
            try
            {
                Directory.CreateDirectory(directory);
                var access = new BenchBrokerAccess(broker.Port, tls, Path.Combine(directory, "credentials.json"), tls ? Path.Combine(directory, "broker.pem") : null);
                broker.Access.Credentials.Write(access.CredentialsFile);
                if (access.CaFile is { } ca)
                {
                    await File.WriteAllTextAsync(ca, broker.Certificate.ExportCertificatePem(), cancellationToken);
                }

                var throughput = await RunStepsAsync(access, n, parse.GetValue(steps), parallel: n, ledgers, "throughput", cancellationToken);
                var latency = await RunStepsAsync(access, n, parse.GetValue(sequential), parallel: 1, ledgers, "latency", cancellationToken);
                var commit = await ledgers.MedianCommitSecondsAsync(200, cancellationToken);
                var perStep = latency.Elapsed.TotalSeconds / parse.GetValue(sequential);
                var stepsPerSecond = parse.GetValue(steps) / throughput.Elapsed.TotalSeconds;
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"throughput: {stepsPerSecond:F0} steps/s with {n} instruments ({parse.GetValue(steps)} steps, {n} in flight)"));
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"one step at a time: {perStep * 1e3:F3} ms per step = {perStep / rtt.Median:F1}x the bare round trip (orchestrator adds {(perStep - rtt.Median) * 1e3:F3} ms)"));
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"of which ledger: {latency.CommitsPerStep:F1} durable commits per step x {commit * 1e3:F3} ms median commit ({ledgers.Description}) = {latency.CommitsPerStep * commit * 1e3:F3} ms"));
                if (parse.GetValue(json) is { } file)
                {
                    var node = new JsonObject
                    {
                        ["instruments"] = n,
                        ["tls"] = tls,
                        ["bare_rtt_median_s"] = rtt.Median,
                        ["bare_rtt_mean_s"] = rtt.Mean,
                        ["steps_per_s"] = stepsPerSecond,
                        ["step_latency_s"] = perStep,
                        ["latency_ratio"] = perStep / rtt.Median,
                        ["ledger_commits_per_step"] = latency.CommitsPerStep,
                        ["ledger_commit_median_s"] = commit,
                        ["ledger"] = parse.GetValue(ledgerOption) is null ? "sqlite" : "postgres",
                    };
                    await File.WriteAllTextAsync(file.FullName, node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
                }
            }
            catch (Exception ex) when (ex is CampaignHostException or InvalidOperationException or Core.Ledger.LedgerException)
            {
                // The benchmark's own campaign failed (a broker or ledger problem on this machine): say so, without a stack trace.
                await console.Error.WriteLineAsync($"error: the benchmark campaign did not run to the end: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.CampaignFailed;
            }
            finally
            {
                try
                {
                    await ledgers.DropAsync();
                }
                catch (Core.Ledger.LedgerException ex)
                {
                    await console.Error.WriteLineAsync($"warning: {ex.Message}").ConfigureAwait(false);
                }

                try
                {
                    Directory.Delete(directory, recursive: true);
                }
                catch (IOException)
                {
                    // A temp folder left behind is harmless.
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private const string EchoInstrument = "bench-echo";
    private static readonly SiteId BenchSite = new("bench");

    private static async Task<(double Median, double Mean, int Count)> BareRoundTripsAsync(EmbeddedMqttBroker broker, bool tls, int count, CancellationToken cancellationToken)
    {
        // Orchestrator -> instrument command, instrument -> orchestrator event: the protocol's own round trip, under its ACL.
        var topics = new Protocol.Topics.InstrumentTopics(BenchSite, new InstrumentId(EchoInstrument));
        var factory = new MqttMessageBusFactory(new MqttOptions { Port = broker.Port, Tls = tls }, TimeProvider.System, embeddedBroker: broker);
        await using var responder = await factory.ConnectAsync(new MessageBusConnectionOptions("bench-responder", Identity: EchoInstrument), cancellationToken);
        await using var requester = await factory.ConnectAsync(new MessageBusConnectionOptions("bench-requester"), cancellationToken);
        await using var echo = await responder.SubscribeAsync(topics.Command, (m, ct) => responder.PublishAsync(new OutboundMessage(topics.Event, m.Payload), ct), cancellationToken);
        TaskCompletionSource? pending = null;
        await using var replies = await requester.SubscribeAsync(topics.Event, (_, _) =>
        {
            pending?.TrySetResult();
            return ValueTask.CompletedTask;
        }, cancellationToken);

        var samples = new double[count];
        var payload = JsonSerializer.SerializeToUtf8Bytes(new { command_id = "bench", parameters = new { x = 0.5 } });
        for (var i = -20; i < count; i++)
        {
            // The first 20 warm up the JIT and the connections.
            pending = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var watch = Stopwatch.StartNew();
            await requester.PublishAsync(new OutboundMessage(topics.Command, payload), cancellationToken);
            await pending.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
            if (i >= 0)
            {
                samples[i] = watch.Elapsed.TotalSeconds;
            }
        }

        Array.Sort(samples);
        return (samples[count / 2], samples.Average(), count);
    }

    private static CampaignDefinition BenchCampaign(int instruments, int steps, int parallel)
    {
        var simulators = Enumerable.Range(1, instruments)
            .Select(i => new SimulatedInstrumentDefinition(
                new InstrumentId(string.Create(CultureInfo.InvariantCulture, $"echo-{i:00}")), SimulatorTypes.Characterization, "echo", DurationDistribution.Fixed(TimeSpan.Zero), 0,
                new AnalyticGroundTruthDefinition("sphere", ["x"], "x", 0), ["x"]))
            .ToList();
        var step = new WorkflowStepDefinition("echo", "echo", new Dictionary<string, ParameterBinding> { ["x"] = new ExperimentParameterBinding("x") }, TimeSpan.FromSeconds(30));
        var campaign = new CampaignDefinition(
            "bench", null, new SiteId("bench"), 1, steps, Math.Min(parallel, steps),
            new Objective("x", ObjectiveGoal.Maximize),
            new SearchSpace([new ContinuousParameter("x", 0, 1)]),
            new ProposerSettings(SurrogateKind.Random, AcquisitionKind.ExpectedImprovement, InitialDesignKind.Random, 1, 1),
            [step], simulators, "bench", null);
        return campaign;
    }

    private static async Task<(TimeSpan Elapsed, double CommitsPerStep)> RunStepsAsync(
        BenchBrokerAccess access, int instruments, int steps, int parallel, BenchLedger ledgers, string run, CancellationToken cancellationToken)
    {
        var settings = ledgers.Apply(new CampaignHostSettings(BenchCampaign(instruments, steps, parallel))
        {
            Broker = new BrokerAddress("127.0.0.1", access.Port, access.Tls),
            BrokerCredentialsFile = access.CredentialsFile,
            BrokerCaFile = access.CaFile,
            VirtualTime = false,
        }, run);
        using var counter = new LedgerCommitCounter();
        var summary = await CampaignHost.RunAsync(settings, cancellationToken: cancellationToken);
        var commits = counter.Commits;
        if (summary.Completed != steps)
        {
            throw new InvalidOperationException($"the benchmark campaign completed {summary.Completed} of {steps} steps: {summary.Error}");
        }

        // Steady state only: from the first proposal to the last result, as the ledger recorded them
        // (host start-up, instrument connections and the final model fit are not steps).
        await using var store = await ledgers.OpenReadOnlyAsync(run, cancellationToken);
        var experiments = await store.GetExperimentsAsync(summary.CampaignId, cancellationToken);
        var elapsed = experiments.Max(e => e.UpdatedAt) - experiments.Min(e => e.ProposedAt);
        return (elapsed, experiments.Count == 0 ? 0 : (double)commits / experiments.Count);
    }

    private sealed record BenchBrokerAccess(int Port, bool Tls, string CredentialsFile, string? CaFile);
}
