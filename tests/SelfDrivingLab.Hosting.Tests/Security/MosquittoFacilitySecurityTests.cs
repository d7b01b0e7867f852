using System.Security.Cryptography.X509Certificates;
using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Protocol;
using SelfDrivingLab.Campaigns;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Hosting.Control;
using SelfDrivingLab.Hosting.Security;
using SelfDrivingLab.Hosting.Simulation;
using SelfDrivingLab.Instruments.Sdk;
using SelfDrivingLab.Ledger;
using SelfDrivingLab.Protocol.Control;
using SelfDrivingLab.Transport.Mqtt.Security;
using SelfDrivingLab.Workflow.Campaigns;

namespace SelfDrivingLab.Hosting.Tests.Security;

/// <summary>
/// The attacks of issue 11 against a real Mosquitto configured only by the files <c>sdl facility broker-config</c> writes
/// from workflows/shared-facility.yaml (orchestrator, operator alice, observer dashboard, printer-1, printer-2, tester-1).
/// </summary>
public sealed class MosquittoFacilitySecurityTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [RequiresCommandsFact("mosquitto")]
    public async Task Mosquitto_AnonymousAndUnknownIdentities_AreRefused()
    {
        await using var broker = await StartAsync();

        Assert.NotEqual(MqttClientConnectResultCode.Success, await ConnectResultAsync(broker, null, null));
        Assert.NotEqual(MqttClientConnectResultCode.Success, await ConnectResultAsync(broker, "printer-evil", "guess"));
        Assert.NotEqual(MqttClientConnectResultCode.Success, await ConnectResultAsync(broker, "printer-1", "wrong"));
        Assert.Equal(MqttClientConnectResultCode.Success, await ConnectResultAsync(broker, "printer-1", Password("printer-1")));
    }

    [RequiresCommandsFact("mosquitto")]
    public async Task Mosquitto_InstrumentSubscribingToEverything_ReceivesOnlyItsOwnCommands()
    {
        await using var broker = await StartAsync();
        using var printer = await ConnectAsync(broker, "printer-1");
        var received = Collect(printer);
        await printer.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter("sdl/v1/#", MqttQualityOfServiceLevel.AtLeastOnce).Build());
        using var orchestrator = await ConnectAsync(broker, "orchestrator");

        await orchestrator.PublishAsync(Message("sdl/v1/lab/tester-1/command", "for tester-1"));
        await orchestrator.PublishAsync(Message("sdl/v1/lab/printer-1/command", "for printer-1"));

        // One publisher's messages arrive in order: had the first leaked, it would come first.
        Assert.Equal("for printer-1", await received.Reader.ReadAsync().AsTask().WaitAsync(Bound));
    }

    [RequiresCommandsFact("mosquitto")]
    public async Task Mosquitto_ForgedCompletedEventFromAnotherIdentity_IsRefusedAndNeverDelivered()
    {
        await using var broker = await StartAsync();
        var (orchestrator, received) = await SubscribedAsync(broker, "orchestrator", "sdl/v1/+/+/event");
        using var _ = orchestrator;
        using var attacker = await ConnectAsync(broker, "printer-1");
        using var tester = await ConnectAsync(broker, "tester-1");

        var forged = await attacker.PublishAsync(Message("sdl/v1/lab/tester-1/event", """{"kind":"completed","results":{"toughness":999.25}}"""));
        await tester.PublishAsync(Message("sdl/v1/lab/tester-1/event", "genuine"));

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, forged.ReasonCode);
        Assert.Equal("genuine", await received.Reader.ReadAsync().AsTask().WaitAsync(Bound));
    }

    [RequiresCommandsFact("mosquitto")]
    public async Task Mosquitto_RetainedOfflineForPrinter1FromAnotherIdentity_IsRefusedAndNotRetained()
    {
        await using var broker = await StartAsync();
        using var attacker = await ConnectAsync(broker, "tester-1");
        var forged = await attacker.PublishAsync(Message("sdl/v1/lab/printer-1/availability", "offline", retain: true));
        var (orchestrator, received) = await SubscribedAsync(broker, "orchestrator", "sdl/v1/+/+/availability");
        using var _ = orchestrator;
        using var printer = await ConnectAsync(broker, "printer-1");

        await printer.PublishAsync(Message("sdl/v1/lab/printer-1/availability", "online"));

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, forged.ReasonCode);
        Assert.Equal("online", await received.Reader.ReadAsync().AsTask().WaitAsync(Bound));
    }

    [RequiresCommandsFact("mosquitto")]
    public async Task Mosquitto_KnownInstrumentAnnouncingARogueInstrument_IsRefused()
    {
        await using var broker = await StartAsync();
        using var printer = await ConnectAsync(broker, "printer-1");

        var result = await printer.PublishAsync(Message("sdl/v1/lab/printer-evil/capabilities", """{"instrument":"printer-evil"}""", retain: true));

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, result.ReasonCode);
    }

    [RequiresCommandsFact("mosquitto")]
    public async Task Mosquitto_LastWillOfflineForPrinter1FromAnotherIdentity_IsNeverDelivered()
    {
        await using var broker = await StartAsync();
        var will = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", broker.Port)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithClientId($"tester-1-{Guid.NewGuid():N}")
            .WithCredentials("tester-1", Password("tester-1"))
            .WithWillTopic("sdl/v1/lab/printer-1/availability").WithWillPayload("offline").WithWillRetain().WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        using (var attacker = new MqttClientFactory().CreateMqttClient())
        {
            // Mosquitto may refuse the connection outright (will topic not authorized); either way no will may come out.
            var connected = await attacker.ConnectAsync(will);
            if (connected.ResultCode == MqttClientConnectResultCode.Success)
            {
                await attacker.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.DisconnectWithWillMessage).Build());
            }
        }

        var (orchestrator, received) = await SubscribedAsync(broker, "orchestrator", "sdl/v1/+/+/availability");
        using var _ = orchestrator;
        using var printer = await ConnectAsync(broker, "printer-1");
        await printer.PublishAsync(Message("sdl/v1/lab/printer-1/availability", "online"));

        Assert.Equal("online", await received.Reader.ReadAsync().AsTask().WaitAsync(Bound));
    }

    [RequiresCommandsFact("mosquitto")]
    public async Task Mosquitto_TlsListener_RefusesPlainTcpAndServesAValidatedTlsClient()
    {
        var facility = CampaignLoader.LoadFacilityFile(RepositoryPaths.Workflow("shared-facility.yaml"));
        var port = LoopbackPorts.Free();
        var certificate = TestServerCertificate.Write(_dir.File("tls"));
        MosquittoBrokerConfig.Write(facility, _dir.File("broker"), new MosquittoListener(port, CertificateFile: certificate.CertificateFile, KeyFile: certificate.KeyFile));
        await using var broker = await MosquittoBroker.StartWithConfigAsync(Path.Combine(_dir.File("broker"), MosquittoBrokerConfig.ConfigFile), port);

        using (var plain = new MqttClientFactory().CreateMqttClient())
        {
            // Credentials in clear text on the wire never get an answer from the TLS listener.
            await Assert.ThrowsAnyAsync<Exception>(() => plain.ConnectAsync(Options(broker, "printer-1", Password("printer-1"))));
        }

        var trusted = X509CertificateLoader.LoadCertificateFromFile(certificate.CertificateFile);
        var tls = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithClientId($"printer-1-{Guid.NewGuid():N}")
            .WithCredentials("printer-1", Password("printer-1"))
            .WithTimeout(TimeSpan.FromSeconds(5))
            .WithTlsOptions(o => o.UseTls().WithTargetHost("127.0.0.1").WithCertificateValidationHandler(a => a.Certificate?.GetRawCertData().AsSpan().SequenceEqual(trusted.RawData) == true))
            .Build();
        using var client = new MqttClientFactory().CreateMqttClient();
        Assert.Equal(MqttClientConnectResultCode.Success, (await client.ConnectAsync(tls)).ResultCode);
    }

    [RequiresCommandsFact("mosquitto")]
    public async Task Mosquitto_ControlFromObserverOrInstrumentOrOnAnotherOperatorsTopic_IsRefused()
    {
        await using var broker = await StartAsync();
        using var dashboard = await ConnectAsync(broker, "dashboard");
        using var printer = await ConnectAsync(broker, "printer-1");
        using var alice = await ConnectAsync(broker, "alice");
        const string abort = """{"request_id":"x","action":"abort","operator":"alice","target":"toughest-barrel"}""";

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, (await dashboard.PublishAsync(Message("sdl/v1/control/lab/request/dashboard", abort))).ReasonCode);
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, (await dashboard.PublishAsync(Message("sdl/v1/control/lab/request/alice", abort))).ReasonCode);
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, (await printer.PublishAsync(Message("sdl/v1/control/lab/request/printer-1", abort))).ReasonCode);
        Assert.True((await alice.PublishAsync(Message("sdl/v1/control/lab/request/alice", abort))).IsSuccess);
    }

    [RequiresCommandsFact("mosquitto")]
    public async Task RunAsync_OnTlsMosquittoConfiguredByTheGeneratedFiles_CompletesWithEveryIdentityOnItsOwnCredentials()
    {
        var quickstart = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
        var fast = new DurationDistribution(TimeSpan.FromMilliseconds(100), TimeSpan.Zero);
        var definition = quickstart with
        {
            Budget = 4,
            Proposer = quickstart.Proposer with { InitialCount = 4 },
            Simulators = [.. quickstart.Simulators.Select(s => s with { Duration = fast, FailureRate = 0 })],
            Steps = [.. quickstart.Steps.Select(s => s with { Deadline = TimeSpan.FromSeconds(30) })],
        };
        var port = LoopbackPorts.Free();
        var directory = _dir.File("broker");
        var certificate = TestServerCertificate.Write(_dir.File("tls"));
        MosquittoBrokerConfig.Write(FacilityDefinition.Single(definition), directory, new MosquittoListener(port, CertificateFile: certificate.CertificateFile, KeyFile: certificate.KeyFile));
        await using var broker = await MosquittoBroker.StartWithConfigAsync(Path.Combine(directory, MosquittoBrokerConfig.ConfigFile), port);
        var settings = new CampaignHostSettings(definition)
        {
            LedgerPath = _dir.File("ledger.db"),
            Broker = new BrokerAddress("127.0.0.1", port, Tls: true), // every link encrypted, the broker's certificate validated
            BrokerCredentialsFile = Path.Combine(directory, MosquittoBrokerConfig.CredentialsFile),
            BrokerCaFile = certificate.CertificateFile,
            VirtualTime = false,
        };

        var summary = await CampaignHost.RunAsync(settings).WaitAsync(TimeSpan.FromSeconds(120));

        Assert.True(summary.Status == CampaignStatus.Completed, summary.Error);
        Assert.Equal(4, summary.Completed);
    }

    [RequiresCommandsFact("mosquitto")]
    public async Task RunAsync_OnAnonymousMosquitto_RogueInstrumentIsNotCommandedUntilAnOperatorAdmitsIt_AndAnInstrumentCannotAbort()
    {
        // The broker lets anyone in (no files of ours): admission is what keeps a rogue printer away from the samples.
        await using var mosquitto = await MosquittoBroker.StartAsync();
        var fast = new DurationDistribution(TimeSpan.FromMilliseconds(100), TimeSpan.Zero);
        var quickstart = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
        var definition = quickstart with
        {
            Budget = 10,
            Parallel = 2,
            Proposer = quickstart.Proposer with { InitialCount = 10 },
            Simulators = [.. quickstart.Simulators.Select(s => s with { Duration = fast, FailureRate = 0 })],
            Steps = [.. quickstart.Steps.Select(s => s with { Deadline = TimeSpan.FromSeconds(30) })],
        };
        var broker = new BrokerAddress("127.0.0.1", mosquitto.Port);
        // A complete rogue lab (its own printer and tester), so its definition is as valid as ours.
        var rogue = definition with { Name = "rogue", Simulators = [.. definition.Simulators.Select(s => s with { Id = new(s.Capability == "print" ? "printer-evil" : "tester-evil") })] };
        using var stopRogue = new CancellationTokenSource();
        var rogueRunning = SimulatorHost.RunAsync(
            new CampaignHostSettings(rogue) { Broker = broker, ExecutionLogDirectory = _dir.File("rogue-executions") }, stopRogue.Token);
        var online = OnlineAsync(mosquitto.Port, "sdl/v1/lab/printer-evil/availability");
        await await Task.WhenAny(online, rogueRunning); // a rogue that could not start fails the test here, with its reason
        // On a broker with no ACL anyone can publish on any request topic: the orchestrator still acts only for operators.
        var admitAfter = new RequestsAfter(
            2,
            new ControlEndpoint("127.0.0.1", mosquitto.Port, "lab", 0),
            new ControlRequest("abort-by-printer", ControlAction.Abort, "printer-1", definition.Name),
            new ControlRequest("admit-printer-evil", ControlAction.Admit, FacilityAccess.DefaultOperator, "printer-evil"));
        var settings = new CampaignHostSettings(definition)
        {
            LedgerPath = _dir.File("ledger.db"),
            Broker = broker,
            VirtualTime = false,
            InstrumentWaitTimeout = TimeSpan.FromSeconds(60),
        };

        var summary = await CampaignHost.RunAsync(settings, admitAfter).WaitAsync(TimeSpan.FromSeconds(120));
        await stopRogue.CancelAsync();
        await rogueRunning.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(summary.Status == CampaignStatus.Completed, summary.Error);
        Assert.Equal(10, summary.Completed);
        var answers = await admitAfter.Answers.WaitAsync(Bound);
        Assert.False(answers[0].Ok);
        Assert.Contains("'printer-1' is an instrument: only an operator may abort", answers[0].Message, StringComparison.Ordinal);
        Assert.True(answers[1].Ok, answers[1].Message);
        await using var ledger = await SqliteLedger.OpenReadOnlyAsync(_dir.File("ledger.db"));
        var history = (await ledger.GetInstrumentStatusesAsync()).Where(r => r.Instrument.Value == "printer-evil").ToList();
        Assert.Equal([InstrumentStatusKind.NotAdmitted, InstrumentStatusKind.Admitted], history.Select(r => r.Kind));
        Assert.Contains("not registered", history[0].Detail, StringComparison.Ordinal);
        Assert.Equal(("print", "operator"), (history[1].Detail, history[1].Actor));
        var audit = await ledger.GetControlRequestsAsync();
        Assert.Equal(
            [("abort", "printer-1", ControlRequestOutcome.Refused), ("admit", "operator", ControlRequestOutcome.Accepted)],
            audit.Select(r => (r.Action, r.Operator, r.Outcome)));
        // Every command the rogue printer ever executed came after an operator admitted it.
        var executions = Directory.Exists(_dir.File("rogue-executions"))
            ? (await Task.WhenAll(Directory.GetFiles(_dir.File("rogue-executions"), "*.jsonl").Select(f => ExecutionLogFile.ReadAllAsync(f)))).SelectMany(e => e).ToList()
            : [];
        Assert.All(executions, e => Assert.True(e.StartedAt >= history[1].At, $"{e.CommandId} ran at {e.StartedAt:O}, before the admission at {history[1].At:O}"));
    }

    [RequiresCommandsFact("mosquitto")]
    public async Task RunAsync_OnMosquittoWithoutCredentials_FailsNamingTheRefusal()
    {
        var definition = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
        await using var broker = await StartAsync();
        var settings = new CampaignHostSettings(definition)
        {
            LedgerPath = _dir.File("ledger.db"),
            Broker = new BrokerAddress("127.0.0.1", broker.Port),
            VirtualTime = false,
        };

        var ex = await Assert.ThrowsAsync<CampaignHostException>(() => CampaignHost.RunAsync(settings).WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.Contains("127.0.0.1", ex.Message, StringComparison.Ordinal);
    }

    private async Task<MosquittoBroker> StartAsync()
    {
        var facility = CampaignLoader.LoadFacilityFile(RepositoryPaths.Workflow("shared-facility.yaml"));
        var port = LoopbackPorts.Free();
        MosquittoBrokerConfig.Write(facility, _dir.File("broker"), new MosquittoListener(port));
        return await MosquittoBroker.StartWithConfigAsync(Path.Combine(_dir.File("broker"), MosquittoBrokerConfig.ConfigFile), port);
    }

    private string Password(string identity) =>
        BrokerCredentials.Read(Path.Combine(_dir.File("broker"), MosquittoBrokerConfig.CredentialsFile)).PasswordOf(identity)!;

    // Completes once the retained availability on topic says online (read by an anonymous client).
    private static async Task OnlineAsync(int port, string topic)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var online = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ApplicationMessageReceivedAsync += e =>
        {
            if (e.ApplicationMessage.ConvertPayloadToString().Contains("\"online\"", StringComparison.Ordinal))
            {
                online.TrySetResult();
            }

            return Task.CompletedTask;
        };
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId($"watch-{Guid.NewGuid():N}").Build());
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(topic, MqttQualityOfServiceLevel.AtLeastOnce).Build());
        await online.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    internal static MqttClientOptions Options(MosquittoBroker broker, string? userName, string? password)
    {
        var builder = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", broker.Port)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithClientId($"{userName ?? "anonymous"}-{Guid.NewGuid():N}")
            .WithTimeout(TimeSpan.FromSeconds(5));
        if (userName is not null)
        {
            builder.WithCredentials(userName, password);
        }

        return builder.Build();
    }

    private static async Task<MqttClientConnectResultCode> ConnectResultAsync(MosquittoBroker broker, string? userName, string? password)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        return (await client.ConnectAsync(Options(broker, userName, password))).ResultCode;
    }

    private async Task<IMqttClient> ConnectAsync(MosquittoBroker broker, string identity)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(Options(broker, identity, Password(identity)));
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        return client;
    }

    private async Task<(IMqttClient Client, Channel<string> Received)> SubscribedAsync(MosquittoBroker broker, string identity, string filter)
    {
        var client = await ConnectAsync(broker, identity);
        var received = Collect(client);
        var result = await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce).Build());
        Assert.True((int)Assert.Single(result.Items).ResultCode < 0x80);
        return (client, received);
    }

    private static Channel<string> Collect(IMqttClient client)
    {
        var received = Channel.CreateUnbounded<string>();
        client.ApplicationMessageReceivedAsync += e => received.Writer.WriteAsync(e.ApplicationMessage.ConvertPayloadToString()).AsTask();
        return received;
    }

    internal static MqttApplicationMessage Message(string topic, string payload, bool retain = false) =>
        new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag(retain).Build();

    // Sends the requests in order over the control channel (on a worker thread, so the campaign loop goes on) after the Nth result.
    private sealed class RequestsAfter(int results, ControlEndpoint endpoint, params ControlRequest[] requests) : ICampaignObserver
    {
        private readonly TaskCompletionSource<ControlResponse[]> _answers = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<ControlResponse[]> Answers => _answers.Task;

        public void OnExperimentFinished(CampaignProgress progress)
        {
            if (progress.Done == results)
            {
                _ = Task.Run(async () =>
                {
                    try
                    {
                        var answers = new List<ControlResponse>();
                        foreach (var request in requests)
                        {
                            answers.Add(await ControlClient.SendAsync(endpoint, request, TimeSpan.FromSeconds(30), TimeProvider.System));
                        }

                        _answers.TrySetResult([.. answers]);
                    }
                    catch (Exception ex)
                    {
                        _answers.TrySetException(ex);
                    }
                });
            }
        }
    }
}
