using System.Text;
using System.Threading.Channels;
using MQTTnet;
using SelfDrivingLab.Protocol.Bus;

namespace SelfDrivingLab.Transport.Mqtt.Tests;

/// <summary>Helpers shared by the transport tests: a fast-reconnecting options set and message collectors.</summary>
internal static class TestBus
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    public static MqttOptions FastOptions() => new()
    {
        Embedded = true,
        Port = 0,
        KeepAlive = TimeSpan.FromSeconds(5),
        ConnectTimeout = TimeSpan.FromSeconds(2),
        ReconnectDelay = TimeSpan.FromMilliseconds(20),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(100),
        JitterSeed = 42,
    };

    public static async Task<EmbeddedMqttBroker> StartBrokerAsync(MqttOptions? options = null)
    {
        var broker = new EmbeddedMqttBroker(options ?? FastOptions());
        await broker.StartAsync();
        return broker;
    }

    public static MqttMessageBusFactory Factory(EmbeddedMqttBroker broker, TimeProvider? time = null, MqttOptions? options = null, Core.Time.IWorkTracker? tracker = null) =>
        new(options ?? FastOptions(), time ?? TimeProvider.System, workTracker: tracker, embeddedBroker: broker);

    /// <summary>
    /// Options of a raw MQTTnet client (what an attacker or a foreign client uses) for <paramref name="broker"/>: TLS
    /// trusting the broker's per-run certificate when it serves TLS, and the password of <paramref name="userName"/>
    /// (default the broker's default identity; null password for an unknown name).
    /// </summary>
    public static MqttClientOptions RawOptions(EmbeddedMqttBroker broker, string clientId, string? userName = "", string? password = null)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", broker.Port)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithClientId(clientId)
            .WithTimeout(TimeSpan.FromSeconds(5));
        if (userName is not null)
        {
            var name = userName.Length == 0 ? broker.Access.DefaultUserName : userName;
            builder.WithCredentials(name, password ?? broker.Access.Credentials.PasswordOf(name));
        }

        if (broker.UsesTls)
        {
            var pinned = broker.Certificate.RawData;
            builder.WithTlsOptions(t => t.UseTls().WithCertificateValidationHandler(a => a.Certificate.GetRawCertData().AsSpan().SequenceEqual(pinned)));
        }

        return builder.Build();
    }

    public static OutboundMessage Text(string topic, string text, bool retain = false) => new(topic, Encoding.UTF8.GetBytes(text), retain);

    public static string Text(this InboundMessage message) => Encoding.UTF8.GetString(message.Payload.Span);

    /// <summary>Subscribes a handler that writes every message into a channel the test reads with a bound.</summary>
    public static async Task<(Channel<InboundMessage> Received, IAsyncDisposable Subscription)> CollectAsync(this IMessageBus bus, string filter)
    {
        var received = Channel.CreateUnbounded<InboundMessage>();
        var subscription = await bus.SubscribeAsync(filter, (m, ct) => received.Writer.WriteAsync(m, ct));
        return (received, subscription);
    }

    public static async Task<InboundMessage> NextAsync(this Channel<InboundMessage> received) =>
        await received.Reader.ReadAsync().AsTask().WaitAsync(Bound);
}
