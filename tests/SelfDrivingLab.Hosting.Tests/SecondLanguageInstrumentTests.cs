using System.Diagnostics;
using SelfDrivingLab.Campaigns;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Ledger;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Security;
using SelfDrivingLab.Protocol.Security;
using SelfDrivingLab.Transport.Mqtt;
using SelfDrivingLab.Transport.Mqtt.Security;

namespace SelfDrivingLab.Hosting.Tests;

/// <summary>An instrument written in Python with the mosquitto command-line clients, following only docs/protocol.md, serves a campaign.</summary>
public sealed class SecondLanguageInstrumentTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [RequiresCommandsFact("python3", "mosquitto_sub", "mosquitto_pub")]
    public async Task RunAsync_PythonMosquittoInstrument_CompletesEveryExperiment()
    {
        // A facility broker: the orchestrator and the one admitted instrument, each with its own password; TLS with a CA file.
        // The facility registers the instrument for its one action: the orchestrator commands nothing else.
        BrokerIdentity[] identities = [new("orchestrator", BrokerRole.Orchestrator), new("py-meter-1", BrokerRole.Instrument) { Capabilities = ["measure"] }];
        var policy = new AccessPolicy(new SiteId("lab"), identities);
        await using var broker = new EmbeddedMqttBroker(new MqttOptions(), access: EmbeddedBrokerAccess.For(policy));
        await broker.StartAsync();
        var credentials = _dir.File("credentials.json");
        broker.Access.Credentials.Write(credentials);
        var ca = _dir.File("broker.pem");
        await File.WriteAllTextAsync(ca, broker.Certificate.ExportCertificatePem());
        using var instrument = StartInstrument(broker.Port, ca, broker.Access.Credentials.PasswordOf("py-meter-1")!);
        var ready = await instrument.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(ready == "ready", $"the instrument did not start: {ready} {await instrument.ErrorsAsync()}");

        var definition = CampaignLoader.Parse(
            """
            name: python-instrument
            seed: 5
            budget: 4
            objective: { output: y, goal: maximize }
            space:
              - { name: x, type: continuous, low: 0, high: 1 }
            initial_design: { kind: random, count: 2 }
            workflow:
              - { name: measurement, capability: measure, deadline: 30s, parameters: { x: $x } }
            """);
        var settings = new CampaignHostSettings(FacilityDefinition.Single(definition) with { Access = new FacilityAccess(identities) })
        {
            LedgerPath = _dir.File("ledger.db"),
            Broker = new BrokerAddress("127.0.0.1", broker.Port, Tls: true),
            BrokerCredentialsFile = credentials,
            BrokerCaFile = ca,
            VirtualTime = false, // the instrument is another process: wall-clock time
            InstrumentWaitTimeout = TimeSpan.FromSeconds(30),
        };

        var summary = await CampaignHost.RunAsync(settings).WaitAsync(TimeSpan.FromSeconds(120));

        Assert.True(summary.Status == CampaignStatus.Completed, summary.Error);
        Assert.Equal((4, 4), (summary.Experiments, summary.Completed));
        await using var ledger = await SqliteLedger.OpenReadOnlyAsync(_dir.File("ledger.db"));
        foreach (var experiment in await ledger.GetExperimentsAsync(summary.CampaignId))
        {
            var x = experiment.Parameters.GetNumber("x");
            Assert.Equal(10.0 - (Math.Pow(x - 0.3, 2) * 20.0), experiment.Objective!.Value, 9);
            var command = Assert.Single(await ledger.GetCommandsAsync(experiment.Id));
            Assert.Equal(["accepted", "completed"], (await ledger.GetEventsAsync(command.Id)).Select(e => e.Kind));
        }
    }

    private static InstrumentProcess StartInstrument(int port, string caFile, string password)
    {
        var script = Path.Combine(RepositoryPaths.Root, "instruments", "examples", "python-mosquitto", "instrument.py");
        var start = new ProcessStartInfo("python3", [script, "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--site", "lab", "--id", "py-meter-1", "--cafile", caFile])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["SDL_BROKER_PASSWORD"] = password },
        };
        return new InstrumentProcess(Process.Start(start)!);
    }

    // Ends the instrument and its mosquitto_sub child when the test ends, pass or fail.
    private sealed class InstrumentProcess(Process process) : IDisposable
    {
        public StreamReader StandardOutput => process.StandardOutput;

        public async Task<string> ErrorsAsync() =>
            process.HasExited ? await process.StandardError.ReadToEndAsync() : "(still running)";

        public void Dispose()
        {
            try
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(10));
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            process.Dispose();
        }
    }
}
