using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Protocol;
using SelfDrivingLab.Campaigns;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Hosting.Security;
using SelfDrivingLab.Ledger;
using SelfDrivingLab.Transport.Mqtt.Security;

namespace SelfDrivingLab.Hosting.Tests.Security;

/// <summary>
/// The rows of issue 11's table made against a running campaign, not just the broker: a compromised instrument on
/// Mosquitto configured only by the generated files attacks while the campaign runs, and nothing it sends is stored.
/// </summary>
public sealed class MosquittoCampaignAttackTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static MqttApplicationMessage Message(string topic, string payload, bool retain = false) =>
        MosquittoFacilitySecurityTests.Message(topic, payload, retain);

    [RequiresCommandsFact("mosquitto")]
    public async Task RunAsync_CompromisedTesterAttackingARunningCampaign_ChangesNothingTheCampaignStores()
    {
        // The rows of issue 11's table, made during a campaign by a client holding tester-1's own credentials (a compromised
        // instrument: the strongest attacker the broker lets in), on Mosquitto configured only by the generated files.
        var quickstart = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
        var slow = new DurationDistribution(TimeSpan.FromMilliseconds(400), TimeSpan.Zero);
        var definition = quickstart with
        {
            Budget = 6,
            Proposer = quickstart.Proposer with { InitialCount = 6 },
            Simulators = [.. quickstart.Simulators.Select(s => s with { Duration = slow, FailureRate = 0 })],
            Steps = [.. quickstart.Steps.Select(s => s with { Deadline = TimeSpan.FromSeconds(30) })],
        };
        var port = LoopbackPorts.Free();
        var directory = _dir.File("broker");
        MosquittoBrokerConfig.Write(FacilityDefinition.Single(definition), directory, new MosquittoListener(port));
        await using var broker = await MosquittoBroker.StartWithConfigAsync(Path.Combine(directory, MosquittoBrokerConfig.ConfigFile), port);
        var credentials = BrokerCredentials.Read(Path.Combine(directory, MosquittoBrokerConfig.CredentialsFile));
        using var attacker = new MqttClientFactory().CreateMqttClient();
        Assert.Equal(MqttClientConnectResultCode.Success, (await attacker.ConnectAsync(MosquittoFacilitySecurityTests.Options(broker, "tester-1", credentials.PasswordOf("tester-1")))).ResultCode);
        var seen = Channel.CreateUnbounded<string>();
        attacker.ApplicationMessageReceivedAsync += e => seen.Writer.WriteAsync(e.ApplicationMessage.ConvertPayloadToString()).AsTask();
        await attacker.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter("sdl/v1/lab/tester-1/command", MqttQualityOfServiceLevel.AtLeastOnce).Build());
        using var stopAttack = new CancellationTokenSource();
        var attack = Task.Run(() => AttackAsync(attacker, seen.Reader, stopAttack.Token));
        var settings = new CampaignHostSettings(definition)
        {
            LedgerPath = _dir.File("ledger.db"),
            Broker = new BrokerAddress("127.0.0.1", port),
            BrokerCredentialsFile = Path.Combine(directory, MosquittoBrokerConfig.CredentialsFile),
            VirtualTime = false,
        };

        var summary = await CampaignHost.RunAsync(settings).WaitAsync(TimeSpan.FromSeconds(120));
        await stopAttack.CancelAsync();
        var tally = await attack.WaitAsync(Bound);

        Assert.True(summary.Status == CampaignStatus.Completed, summary.Error);
        Assert.Equal(6, summary.Completed);
        Assert.True(tally.ForgedOnOwnTopic > 0, "the attacker never saw a command to derive printer-1's command ids from");
        Assert.Equal(tally.Tried, tally.RefusedByBroker + tally.ForgedOnOwnTopic);
        await using var ledger = await SqliteLedger.OpenReadOnlyAsync(_dir.File("ledger.db"));
        var experiments = await ledger.GetExperimentsAsync((await ledger.ListCampaignsAsync()).Single().Id);
        Assert.All(experiments, e => Assert.NotEqual(999.25, e.Objective));
        foreach (var experiment in experiments)
        {
            foreach (var command in await ledger.GetCommandsAsync(experiment.Id))
            {
                var events = await ledger.GetEventsAsync(command.Id);
                Assert.All(events, e => Assert.DoesNotContain("999.25", e.Payload, StringComparison.Ordinal));
                Assert.All(events, e => Assert.Equal(command.Instrument, e.Instrument));
            }
        }

        Assert.DoesNotContain(await ledger.GetInstrumentStatusesAsync(), r => r.Kind is InstrumentStatusKind.Quarantined or InstrumentStatusKind.NotAdmitted);
        Assert.Empty(await ledger.GetControlRequestsAsync());
    }

    // Until cancelled: for every command tester-1 receives, forges events for printer-1's commands of the same and the next
    // experiments, on printer-1's topic (the broker must refuse) and on tester-1's own (the orchestrator must reject: wrong
    // instrument), three failed events, a retained offline, a rogue announcement and aborts.
    private static async Task<AttackTally> AttackAsync(IMqttClient attacker, ChannelReader<string> seen, CancellationToken cancellationToken)
    {
        var tally = new AttackTally();
        try
        {
            await foreach (var command in seen.ReadAllAsync(cancellationToken))
            {
                var id = System.Text.Json.JsonDocument.Parse(command).RootElement.GetProperty("command_id").GetString()!;
                var experiment = id[..id.LastIndexOf("-s", StringComparison.Ordinal)];
                var sequence = int.Parse(experiment[(experiment.LastIndexOf("-e", StringComparison.Ordinal) + 2)..], System.Globalization.CultureInfo.InvariantCulture);
                var campaign = experiment[..experiment.LastIndexOf("-e", StringComparison.Ordinal)];
                for (var next = sequence; next <= sequence + 2; next++)
                {
                    var target = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{campaign}-e{next:0000}-s1");
                    var at = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
                    var completed = $$"""{"kind":"completed","command_id":"{{target}}","instrument":"printer-1","at":"{{at}}","results":{"sample_id":"forged","toughness":999.25},"protocol":"sdl/v1"}""";
                    var failed = $$"""{"kind":"failed","command_id":"{{target}}","instrument":"printer-1","at":"{{at}}","error":"hardware_fault","message":"forged","protocol":"sdl/v1"}""";
                    await tally.ForeignAsync(attacker, Message("sdl/v1/lab/printer-1/event", completed), cancellationToken);
                    for (var i = 0; i < 3; i++)
                    {
                        await tally.ForeignAsync(attacker, Message("sdl/v1/lab/printer-1/event", failed), cancellationToken);
                    }

                    await tally.OwnAsync(attacker, Message("sdl/v1/lab/tester-1/event", completed.Replace("\"instrument\":\"printer-1\"", "\"instrument\":\"tester-1\"", StringComparison.Ordinal)), cancellationToken);
                }

                await tally.ForeignAsync(attacker, Message("sdl/v1/lab/printer-1/availability", """{"state":"offline"}""", retain: true), cancellationToken);
                await tally.ForeignAsync(attacker, Message("sdl/v1/lab/printer-evil/capabilities", """{"instrument":"printer-evil","actions":{"print":{}}}""", retain: true), cancellationToken);
                await tally.ForeignAsync(attacker, Message("sdl/v1/control/lab/request/tester-1", """{"request_id":"a","action":"abort","operator":"alice"}"""), cancellationToken);
                await tally.ForeignAsync(attacker, Message("sdl/v1/control/lab/request/alice", """{"request_id":"b","action":"pause","operator":"alice"}"""), cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The campaign ended.
        }

        return tally;
    }

    private sealed class AttackTally
    {
        public int Tried { get; private set; }

        public int RefusedByBroker { get; private set; }

        public int ForgedOnOwnTopic { get; private set; }

        public async Task ForeignAsync(IMqttClient attacker, MqttApplicationMessage message, CancellationToken cancellationToken)
        {
            Tried++;
            var result = await attacker.PublishAsync(message, cancellationToken);
            Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, result.ReasonCode);
            RefusedByBroker++;
        }

        public async Task OwnAsync(IMqttClient attacker, MqttApplicationMessage message, CancellationToken cancellationToken)
        {
            Tried++;
            Assert.True((await attacker.PublishAsync(message, cancellationToken)).IsSuccess);
            ForgedOnOwnTopic++;
        }
    }
}
