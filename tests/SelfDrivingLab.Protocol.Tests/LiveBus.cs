using SelfDrivingLab.Protocol.Bus;
using SelfDrivingLab.Transport.Mqtt;

namespace SelfDrivingLab.Protocol.Tests;

/// <summary>An embedded broker on an ephemeral loopback port plus a factory for connections to it.</summary>
internal sealed class LiveBus : IAsyncDisposable
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private readonly List<IMessageBusConnection> _connections = [];

    private LiveBus(EmbeddedMqttBroker broker, MqttMessageBusFactory factory)
    {
        Broker = broker;
        Factory = factory;
    }

    public EmbeddedMqttBroker Broker { get; }

    public MqttMessageBusFactory Factory { get; }

    public static async Task<LiveBus> StartAsync()
    {
        var options = new MqttOptions { ReconnectDelay = TimeSpan.FromMilliseconds(20), ReconnectMaxDelay = TimeSpan.FromMilliseconds(100), JitterSeed = 7 };
        var broker = new EmbeddedMqttBroker(options);
        await broker.StartAsync();
        return new LiveBus(broker, new MqttMessageBusFactory(options, TimeProvider.System, embeddedBroker: broker));
    }

    public async Task<IMessageBusConnection> ConnectAsync(string clientId, OutboundMessage? will = null)
    {
        var connection = await Factory.ConnectAsync(new MessageBusConnectionOptions(clientId, will));
        _connections.Add(connection);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }

        await Broker.DisposeAsync();
    }
}
