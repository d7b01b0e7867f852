using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Protocol;
using SelfDrivingLab.Transport.Mqtt.Security;

namespace SelfDrivingLab.Tests.Sites;

/// <summary>
/// An operator's MQTT client on the hub's broker that sees what crosses the bridge: the bridge's state (<see cref="LinkTopic"/>)
/// and lab-b's commands and events. Tests wait on it for the moments they act at (a command in flight at lab-b, the link down
/// or up again). Not thread-safe: one reader.
/// </summary>
internal sealed class SiteTrafficWatcher : IDisposable
{
    private readonly IMqttClient _client;
    private readonly Channel<(string Topic, string Payload)> _received = Channel.CreateUnbounded<(string, string)>();

    private SiteTrafficWatcher(IMqttClient client)
    {
        _client = client;
        _client.ApplicationMessageReceivedAsync += e => _received.Writer.WriteAsync((e.ApplicationMessage.Topic, e.ApplicationMessage.ConvertPayloadToString())).AsTask();
    }

    /// <summary>The topic on which the hub's bridge to lab-b publishes 1 (connected) or 0.</summary>
    public static string LinkTopic { get; } = $"sdl/v1/link/{TwoSiteFacility.Hub}/{TwoSiteFacility.Remote}";

    /// <summary>Connects as <c>alice</c> (an operator of the example facility) with the generated credentials and subscribes.</summary>
    public static async Task<SiteTrafficWatcher> StartAsync(TwoSiteFacility sites)
    {
        var credentials = BrokerCredentials.Read(sites.CredentialsFile);
        var client = new MqttClientFactory().CreateMqttClient();
        var watcher = new SiteTrafficWatcher(client);
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", sites.HubBroker.Port)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithClientId($"alice-{Guid.NewGuid():N}")
            .WithCredentials("alice", credentials.PasswordOf("alice"))
            .Build();
        var result = await client.ConnectAsync(options);
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter("sdl/v1/link/+/+", MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter($"sdl/v1/{TwoSiteFacility.Remote}/+/command", MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter($"sdl/v1/{TwoSiteFacility.Remote}/+/event", MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
        return watcher;
    }

    /// <summary>Reads until a message matching both predicates arrives (others are skipped), within <paramref name="bound"/>; returns its payload.</summary>
    public async Task<string> NextAsync(Func<string, bool> topic, Func<string, bool> payload, TimeSpan bound)
    {
        using var timeout = new CancellationTokenSource(bound);
        while (true)
        {
            var (t, p) = await _received.Reader.ReadAsync(timeout.Token);
            if (topic(t) && payload(p))
            {
                return p;
            }
        }
    }

    /// <summary>Forgets what arrived so far: the next read waits for what comes after.</summary>
    public void Skip()
    {
        while (_received.Reader.TryRead(out _))
        {
        }
    }

    /// <summary>Waits until the bridge reports itself connected (<paramref name="up"/>) or not.</summary>
    public Task LinkAsync(bool up, TimeSpan bound) => NextAsync(t => t == LinkTopic, p => p == (up ? "1" : "0"), bound);

    public void Dispose() => _client.Dispose();
}
