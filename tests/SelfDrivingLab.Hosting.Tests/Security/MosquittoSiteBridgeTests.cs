using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Protocol;
using SelfDrivingLab.Campaigns;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Hosting.Security;
using SelfDrivingLab.Transport.Mqtt.Security;

namespace SelfDrivingLab.Hosting.Tests.Security;

/// <summary>
/// Issue 14 item 1: two real Mosquitto brokers configured only by the files <c>sdl facility broker-config</c> writes for
/// a facility with a second site: the hub's bridge carries commands and events between the sites, and its retained
/// link state follows the other site's broker going down and coming back.
/// </summary>
public sealed class MosquittoSiteBridgeTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private static readonly SiteId RemoteSite = new("lab-b");
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [RequiresCommandsFact("mosquitto")]
    public async Task Bridge_CommandsAndEventsCrossSites_AndTheLinkStateFollowsTheRemoteBroker()
    {
        var remotePort = LoopbackPorts.Free();
        var hubPort = LoopbackPorts.Free();
        var facility = CampaignLoader.LoadFacilityFile(RepositoryPaths.Workflow("shared-facility.yaml"));
        facility = facility with { OtherSites = [new FacilitySite(RemoteSite, "127.0.0.1", remotePort, Tls: false)] };
        var directory = _dir.File("brokers");
        MosquittoBrokerConfig.Write(facility, directory, new MosquittoListener(hubPort));
        var credentials = BrokerCredentials.Read(Path.Combine(directory, MosquittoBrokerConfig.CredentialsFile));
        await using var remote = await MosquittoBroker.StartWithConfigAsync(Path.Combine(directory, RemoteSite.Value, MosquittoBrokerConfig.ConfigFile), remotePort);
        await using var hub = await MosquittoBroker.StartWithConfigAsync(Path.Combine(directory, facility.Site.Value, MosquittoBrokerConfig.ConfigFile), hubPort);

        using var orchestrator = await ConnectAsync(hubPort, "orchestrator", credentials);
        var atHub = Collect(orchestrator);
        await SubscribeAsync(orchestrator, "sdl/v1/link/+/+", $"sdl/v1/{RemoteSite}/+/availability", $"sdl/v1/{RemoteSite}/+/event");
        var link = $"sdl/v1/link/{facility.Site}/{RemoteSite}";
        await NextAsync(atHub, link, "1");

        // An instrument of the other site talks to its own broker only; the hub's orchestrator commands it over the bridge.
        using var printer = await ConnectAsync(remotePort, "printer-1", credentials);
        var atPrinter = Collect(printer);
        await SubscribeAsync(printer, $"sdl/v1/{RemoteSite}/printer-1/command");
        await printer.PublishAsync(Message($"sdl/v1/{RemoteSite}/printer-1/availability", "online", retain: true));
        await NextAsync(atHub, $"sdl/v1/{RemoteSite}/printer-1/availability", "online");

        await orchestrator.PublishAsync(Message($"sdl/v1/{RemoteSite}/printer-1/command", "print c-1"));
        await NextAsync(atPrinter, $"sdl/v1/{RemoteSite}/printer-1/command", "print c-1");
        await printer.PublishAsync(Message($"sdl/v1/{RemoteSite}/printer-1/event", "completed c-1"));
        await NextAsync(atHub, $"sdl/v1/{RemoteSite}/printer-1/event", "completed c-1");

        // The facility's control channel crosses too: a host running the campaign at the other site (a standby that took
        // it over) gets an operator's request sent to the hub's broker, and its answer comes back.
        using var remoteHost = await ConnectAsync(remotePort, "orchestrator", credentials);
        var atRemoteHost = Collect(remoteHost);
        await SubscribeAsync(remoteHost, $"sdl/v1/control/{facility.Site}/request/+");
        using var alice = await ConnectAsync(hubPort, "alice", credentials);
        var atAlice = Collect(alice);
        await SubscribeAsync(alice, $"sdl/v1/control/{facility.Site}/response/+");
        await alice.PublishAsync(Message($"sdl/v1/control/{facility.Site}/request/alice", "status r-1"));
        await NextAsync(atRemoteHost, $"sdl/v1/control/{facility.Site}/request/alice", "status r-1");
        await remoteHost.PublishAsync(Message($"sdl/v1/control/{facility.Site}/response/r-1", "ok r-1"));
        await NextAsync(atAlice, $"sdl/v1/control/{facility.Site}/response/r-1", "ok r-1");

        // The other site's broker crashes: the hub's broker says so on the link topic; it comes back: so does the link.
        remote.Crash();
        await NextAsync(atHub, link, "0");
        await remote.StartAgainAsync();
        await NextAsync(atHub, link, "1");
    }

    [Fact]
    public void Write_FacilityWithAnotherSite_WritesOneConfigurationPerSiteWithTheBridgeOnTheHub()
    {
        var facility = CampaignLoader.LoadFacilityFile(RepositoryPaths.Workflow("shared-facility.yaml"));
        facility = facility with { OtherSites = [new FacilitySite(RemoteSite, "lab-b.example", 8884, Tls: true)] };
        var directory = _dir.File("brokers");

        MosquittoBrokerConfig.Write(facility, directory, new MosquittoListener(8883, "0.0.0.0", "server.pem", "server.key"), "sites-ca.pem");

        var hubConfig = File.ReadAllText(Path.Combine(directory, "lab", MosquittoBrokerConfig.ConfigFile));
        var remoteConfig = File.ReadAllText(Path.Combine(directory, "lab-b", MosquittoBrokerConfig.ConfigFile));
        var remoteAcl = File.ReadAllText(Path.Combine(directory, "lab-b", MosquittoBrokerConfig.AclFile));
        var hubAcl = File.ReadAllText(Path.Combine(directory, "lab", MosquittoBrokerConfig.AclFile));
        Assert.Contains("address lab-b.example:8884\n", hubConfig, StringComparison.Ordinal);
        Assert.Contains("notification_topic sdl/v1/link/lab/lab-b\n", hubConfig, StringComparison.Ordinal);
        Assert.Contains($"bridge_cafile {Path.GetFullPath("sites-ca.pem")}\n", hubConfig, StringComparison.Ordinal);
        Assert.DoesNotContain("connection ", remoteConfig, StringComparison.Ordinal);
        Assert.Contains("listener 8884 0.0.0.0\n", remoteConfig, StringComparison.Ordinal);
        Assert.Contains("user bridge-lab\ntopic readwrite sdl/v1/lab/#\ntopic readwrite sdl/v1/lab-b/#\n", remoteAcl, StringComparison.Ordinal);
        Assert.Contains("topic write sdl/v1/lab-b/+/command\n", hubAcl, StringComparison.Ordinal);
        Assert.Contains("topic sdl/v1/control/lab/# both 1\n", hubConfig, StringComparison.Ordinal);
        Assert.Contains("topic readwrite sdl/v1/control/lab/#\n", remoteAcl, StringComparison.Ordinal);
        // On the other site's broker the orchestrator may serve, and an operator use, the facility's control channel.
        Assert.Contains("topic read sdl/v1/control/lab/request/+\n", remoteAcl, StringComparison.Ordinal);
        Assert.Contains("topic write sdl/v1/control/lab/request/alice\n", remoteAcl, StringComparison.Ordinal);
        Assert.StartsWith("bridge-lab:", File.ReadAllLines(Path.Combine(directory, "lab-b", MosquittoBrokerConfig.PasswordFile)).Last(), StringComparison.Ordinal);
        Assert.DoesNotContain(File.ReadAllLines(Path.Combine(directory, "lab", MosquittoBrokerConfig.PasswordFile)), l => l.StartsWith("bridge-lab:", StringComparison.Ordinal));
    }

    private static async Task<IMqttClient> ConnectAsync(int port, string identity, BrokerCredentials credentials)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithClientId($"{identity}-{Guid.NewGuid():N}")
            .WithCredentials(identity, credentials.PasswordOf(identity))
            .WithTimeout(TimeSpan.FromSeconds(5))
            .Build();
        var result = await client.ConnectAsync(options);
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        return client;
    }

    private static async Task SubscribeAsync(IMqttClient client, params string[] filters)
    {
        var builder = new MqttClientSubscribeOptionsBuilder();
        foreach (var filter in filters)
        {
            builder.WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce);
        }

        var result = await client.SubscribeAsync(builder.Build());
        Assert.All(result.Items, i => Assert.True((int)i.ResultCode < 0x80, $"{i.TopicFilter.Topic}: {i.ResultCode}"));
    }

    private static Channel<(string Topic, string Payload)> Collect(IMqttClient client)
    {
        var received = Channel.CreateUnbounded<(string, string)>();
        client.ApplicationMessageReceivedAsync += e => received.Writer.WriteAsync((e.ApplicationMessage.Topic, e.ApplicationMessage.ConvertPayloadToString())).AsTask();
        return received;
    }

    // Reads until the expected message arrives (others, e.g. retained states seen earlier, are skipped), bounded.
    private static async Task NextAsync(Channel<(string Topic, string Payload)> received, string topic, string payload)
    {
        using var timeout = new CancellationTokenSource(Bound);
        while (true)
        {
            var (t, p) = await received.Reader.ReadAsync(timeout.Token);
            if (t == topic && p == payload)
            {
                return;
            }
        }
    }

    private static MqttApplicationMessage Message(string topic, string payload, bool retain = false) =>
        new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag(retain).Build();
}
