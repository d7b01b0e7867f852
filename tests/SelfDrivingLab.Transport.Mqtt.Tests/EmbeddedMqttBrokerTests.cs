using System.Net;
using System.Net.Sockets;

namespace SelfDrivingLab.Transport.Mqtt.Tests;

public sealed class EmbeddedMqttBrokerTests
{
    [Fact]
    public async Task StartAsync_PortZero_BindsEphemeralLoopbackPortAndCompletesStarted()
    {
        await using var broker = new EmbeddedMqttBroker(TestBus.FastOptions());
        Assert.Throws<InvalidOperationException>(() => broker.Port);

        await broker.StartAsync();

        var port = await broker.Started.WaitAsync(TestBus.Bound);
        Assert.InRange(port, 1, 65535);
        Assert.Equal(port, broker.Port);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port).WaitAsync(TestBus.Bound);
        Assert.True(client.Connected);
    }

    [Fact]
    public async Task StartAsync_AfterStop_ReusesTheSamePort()
    {
        await using var broker = await TestBus.StartBrokerAsync();
        var port = broker.Port;

        await broker.StopAsync();
        Assert.False(broker.IsRunning);
        await broker.StartAsync();

        Assert.True(broker.IsRunning);
        Assert.Equal(port, broker.Port);
    }

    [Fact]
    public async Task StartAsync_NotEmbedded_DoesNothing()
    {
        var options = TestBus.FastOptions();
        options.Embedded = false;
        await using var broker = new EmbeddedMqttBroker(options);

        await broker.StartAsync();

        Assert.False(broker.IsRunning);
        Assert.False(broker.Started.IsCompleted);
    }

    [Fact]
    public async Task DropClientAsync_UnknownClient_ReturnsFalse()
    {
        await using var broker = await TestBus.StartBrokerAsync();

        Assert.False(await broker.DropClientAsync("nobody"));
    }
}
