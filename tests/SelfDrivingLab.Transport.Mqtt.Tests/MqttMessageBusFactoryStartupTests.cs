using System.Net;
using MQTTnet.Protocol;
using MQTTnet.Server;
using SelfDrivingLab.Protocol.Bus;

namespace SelfDrivingLab.Transport.Mqtt.Tests;

/// <summary>Issue 9 item 7: the first connection is bounded in time, and a broker refusing the client fails it at once.</summary>
public sealed class MqttMessageBusFactoryStartupTests
{
    [Fact]
    public async Task ConnectAsync_NoBrokerListening_FailsAfterTheStartupTimeoutOnTheInjectedClock()
    {
        var time = new TimerSignalingTimeProvider();
        var options = External(LoopbackPorts.Free());
        options.StartupConnectTimeout = TimeSpan.FromSeconds(5);
        var factory = new MqttMessageBusFactory(options, time);

        var connecting = factory.ConnectAsync(new("startup-unreachable")).AsTask();

        // Each refused attempt waits out a backoff on the fake clock; advancing past the start-up
        // timeout (and nothing else) must end the retries with an error naming the broker.
        var start = time.GetUtcNow();
        while (!connecting.IsCompleted)
        {
            var next = await Task.WhenAny(connecting, time.TimerCreated.WaitAsync(TestBus.Bound));
            if (next == connecting)
            {
                break;
            }

            Assert.True(await (Task<bool>)next, "neither a retry was scheduled nor did the connect end");
            Assert.True(time.GetUtcNow() - start < options.StartupConnectTimeout, "still retrying after the start-up timeout");
            time.Advance(options.ReconnectMaxDelay);
        }

        var error = await Assert.ThrowsAsync<MessageBusUnavailableException>(() => connecting.WaitAsync(TestBus.Bound));
        Assert.Contains($"127.0.0.1:{options.Port} within 5 s", error.Message, StringComparison.Ordinal);
        Assert.Equal(options.StartupConnectTimeout, time.GetUtcNow() - start);
    }

    [Fact]
    public async Task ConnectAsync_BrokerRefusesTheCredentials_FailsAtOnceWithoutRetrying()
    {
        var port = LoopbackPorts.Free();
        var attempts = 0;
        using var server = new MqttServerFactory().CreateMqttServer(
            new MqttServerOptionsBuilder().WithDefaultEndpoint().WithDefaultEndpointBoundIPAddress(IPAddress.Loopback).WithDefaultEndpointPort(port).Build());
        server.ValidatingConnectionAsync += e =>
        {
            Interlocked.Increment(ref attempts);
            e.ReasonCode = MqttConnectReasonCode.NotAuthorized;
            return Task.CompletedTask;
        };
        await server.StartAsync();
        try
        {
            // The fake clock never moves: a retry would wait forever, so only failing at once passes.
            var factory = new MqttMessageBusFactory(External(port), new TimerSignalingTimeProvider());

            var error = await Assert.ThrowsAsync<MessageBusUnavailableException>(() => factory.ConnectAsync(new("startup-refused")).AsTask().WaitAsync(TestBus.Bound));

            Assert.Contains("refused the client 'startup-refused': NotAuthorized", error.Message, StringComparison.Ordinal);
            Assert.Equal(1, attempts);
        }
        finally
        {
            await server.StopAsync();
        }
    }

    private static MqttOptions External(int port)
    {
        var options = TestBus.FastOptions();
        options.Embedded = false;
        options.Host = "127.0.0.1";
        options.Port = port;
        options.ReconnectDelay = TimeSpan.FromMilliseconds(500);
        options.ReconnectMaxDelay = TimeSpan.FromSeconds(1);
        return options;
    }
}
