using System.Diagnostics;
using MQTTnet;
using MQTTnet.Protocol;

namespace SelfDrivingLab.Transport.Mqtt.Tests;

/// <summary>The embedded broker counts a QoS 1 message as work from queueing until the subscriber acknowledges it.</summary>
public sealed class DeliveryWorkTrackerTests
{
    [Fact]
    public async Task QueuedMessage_IsWorkUntilTheSubscriberAcknowledgesIt()
    {
        var work = new CountingWorkTracker();
        await using var broker = new EmbeddedMqttBroker(TestBus.FastOptions(), logger: null, work);
        await broker.StartAsync();
        using var subscriber = await ConnectAsync(broker, "subscriber");
        var received = ManualAcknowledgement(subscriber);
        await subscriber.SubscribeAsync("sdl/test", MqttQualityOfServiceLevel.AtLeastOnce);
        using var publisher = await ConnectAsync(broker, "publisher");

        await publisher.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("sdl/test").WithPayload("x").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        var message = await received.WaitAsync(TestBus.Bound);

        Assert.Equal(1, work.Begun - work.Ended);
        await message.AcknowledgeAsync(CancellationToken.None);
        await UntilAsync(() => work.Begun == work.Ended);
        Assert.Equal(1, work.Begun);
    }

    [Fact]
    public async Task SubscriberDisconnecting_ClosesItsUnacknowledgedMessages()
    {
        var work = new CountingWorkTracker();
        await using var broker = new EmbeddedMqttBroker(TestBus.FastOptions(), logger: null, work);
        await broker.StartAsync();
        using var subscriber = await ConnectAsync(broker, "subscriber");
        var received = ManualAcknowledgement(subscriber);
        await subscriber.SubscribeAsync("sdl/test", MqttQualityOfServiceLevel.AtLeastOnce);
        using var publisher = await ConnectAsync(broker, "publisher");
        await publisher.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("sdl/test").WithPayload("x").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        await received.WaitAsync(TestBus.Bound);

        await broker.DropClientAsync("subscriber");

        await UntilAsync(() => work.Begun == work.Ended);
        Assert.Equal(1, work.Begun);
    }

    private static async Task<IMqttClient> ConnectAsync(EmbeddedMqttBroker broker, string clientId)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(TestBus.RawOptions(broker, clientId));
        return client;
    }

    private static Task<MqttApplicationMessageReceivedEventArgs> ManualAcknowledgement(IMqttClient client)
    {
        var received = new TaskCompletionSource<MqttApplicationMessageReceivedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ApplicationMessageReceivedAsync += e =>
        {
            e.AutoAcknowledge = false;
            received.TrySetResult(e);
            return Task.CompletedTask;
        };
        return received.Task;
    }

    // The broker handles the acknowledgement on its own connection task: yield until it has (bounded).
    private static async Task UntilAsync(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < TestBus.Bound, "the broker did not close the unit of work in time");
            await Task.Yield();
        }
    }
}
