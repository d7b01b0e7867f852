using System.Threading.Channels;
using SelfDrivingLab.Protocol.Bus;

namespace SelfDrivingLab.Transport.Mqtt.Tests;

public sealed class MqttMessageBusConnectionTests
{
    [Fact]
    public async Task SubscribeAsync_WildcardFilter_DeliversMatchingTopicsOnly()
    {
        await using var broker = await TestBus.StartBrokerAsync();
        var factory = TestBus.Factory(broker);
        await using var subscriber = await factory.ConnectAsync(new("sub-wild"));
        await using var publisher = await factory.ConnectAsync(new("pub-wild"));
        var (received, _) = await subscriber.CollectAsync("lab/+/event");

        await publisher.PublishAsync(TestBus.Text("lab/a/event", "one"));
        await publisher.PublishAsync(TestBus.Text("lab/a/command", "not for us"));
        await publisher.PublishAsync(TestBus.Text("lab/b/event", "two"));

        var first = await received.NextAsync();
        var second = await received.NextAsync();
        Assert.Equal(("lab/a/event", "one", false), (first.Topic, first.Text(), first.Retained));
        Assert.Equal(("lab/b/event", "two"), (second.Topic, second.Text()));
        Assert.False(received.Reader.TryRead(out _));
    }

    [Fact]
    public async Task SubscribeAsync_RetainedMessagePublishedEarlier_LateSubscriberReceivesItFlaggedRetained()
    {
        await using var broker = await TestBus.StartBrokerAsync();
        var factory = TestBus.Factory(broker);
        await using (var publisher = await factory.ConnectAsync(new("pub-retain")))
        {
            await publisher.PublishAsync(TestBus.Text("lab/x/availability", "online", retain: true));
        }

        await using var late = await factory.ConnectAsync(new("late-sub"));
        var (received, _) = await late.CollectAsync("lab/+/availability");

        var message = await received.NextAsync();
        Assert.Equal(("lab/x/availability", "online", true), (message.Topic, message.Text(), message.Retained));
    }

    [Fact]
    public async Task ConnectAsync_ClientDroppedWithoutDisconnect_BrokerPublishesRetainedWill()
    {
        await using var broker = await TestBus.StartBrokerAsync();
        var factory = TestBus.Factory(broker);
        await using var observer = await factory.ConnectAsync(new("observer"));
        var (received, _) = await observer.CollectAsync("lab/+/availability");
        await using var instrument = await factory.ConnectAsync(new("instrument-1", Will: TestBus.Text("lab/i1/availability", "offline", retain: true)));

        Assert.True(await broker.DropClientAsync("instrument-1"));

        var will = await received.NextAsync();
        Assert.Equal(("lab/i1/availability", "offline"), (will.Topic, will.Text()));
        await using var late = await factory.ConnectAsync(new("late-observer"));
        var (lateReceived, _) = await late.CollectAsync("lab/+/availability");
        Assert.True((await lateReceived.NextAsync()).Retained);
    }

    [Fact]
    public async Task DisposeAsync_CleanDisconnect_WillIsNotPublished()
    {
        await using var broker = await TestBus.StartBrokerAsync();
        var factory = TestBus.Factory(broker);
        await using var observer = await factory.ConnectAsync(new("observer-clean"));
        var (received, _) = await observer.CollectAsync("lab/#");
        var instrument = await factory.ConnectAsync(new("instrument-clean", Will: TestBus.Text("lab/i2/availability", "offline", retain: true)));

        await instrument.DisposeAsync();
        await observer.PublishAsync(TestBus.Text("lab/marker", "after dispose"));

        // Messages arrive in order, so the marker proves nothing (no will) was published before it.
        Assert.Equal("lab/marker", (await received.NextAsync()).Topic);
    }

    [Fact]
    public async Task Reconnect_BrokerRestartedOnSamePort_ResubscribesAndCallsOnConnectedAgain()
    {
        await using var broker = await TestBus.StartBrokerAsync();
        var port = broker.Port;
        var factory = TestBus.Factory(broker);
        var connectedCount = Channel.CreateUnbounded<int>();
        var count = 0;
        await using var subscriber = await factory.ConnectAsync(new("sub-restart", OnConnected: (_, ct) => connectedCount.Writer.WriteAsync(Interlocked.Increment(ref count), ct)));
        var (received, _) = await subscriber.CollectAsync("lab/#");
        Assert.Equal(1, await connectedCount.Reader.ReadAsync().AsTask().WaitAsync(TestBus.Bound));

        await broker.StopAsync();
        await broker.StartAsync();

        // A generous bound: under load the broker's restart, the client noticing the drop and its reconnect attempts
        // (each up to the 2 s connect timeout) took longer than 10 s once in a full run.
        Assert.Equal(2, await connectedCount.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(45)));
        Assert.Equal(port, broker.Port);
        Assert.True(subscriber.IsConnected);
        await using var publisher = await factory.ConnectAsync(new("pub-restart"));
        await publisher.PublishAsync(TestBus.Text("lab/after", "restart"));
        Assert.Equal("restart", (await received.NextAsync()).Text());
    }

    [Fact]
    public async Task PublishAsync_WhileBrokerIsDown_WaitsAndPublishesAfterReconnect()
    {
        await using var broker = await TestBus.StartBrokerAsync();
        var factory = TestBus.Factory(broker);
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var connects = 0;
        await using var publisher = await factory.ConnectAsync(new("pub-waits", OnConnected: (_, _) =>
        {
            if (Interlocked.Increment(ref connects) == 2)
            {
                reconnected.TrySetResult();
            }

            return ValueTask.CompletedTask;
        }));
        await broker.StopAsync();

        var publish = publisher.PublishAsync(TestBus.Text("lab/queued", "late")).AsTask();
        Assert.False(publish.IsCompleted);
        await broker.StartAsync();
        await using var subscriber = await factory.ConnectAsync(new("sub-waits"));
        var (received, _) = await subscriber.CollectAsync("lab/#");
        await reconnected.Task.WaitAsync(TestBus.Bound);
        await publish.WaitAsync(TestBus.Bound);

        Assert.True(publish.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task PublishAsync_WhileDisconnectedAndCancelled_ThrowsOperationCanceled()
    {
        await using var broker = await TestBus.StartBrokerAsync();
        await using var publisher = await TestBus.Factory(broker).ConnectAsync(new("pub-cancel"));
        await broker.StopAsync();
        using var cts = new CancellationTokenSource();

        var publish = publisher.PublishAsync(TestBus.Text("lab/never", "x"), cts.Token).AsTask();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => publish.WaitAsync(TestBus.Bound));
    }

    [Fact]
    public async Task SubscribeAsync_HandlerThrows_SubscriptionKeepsDeliveringInOrder()
    {
        await using var broker = await TestBus.StartBrokerAsync();
        var factory = TestBus.Factory(broker);
        await using var bus = await factory.ConnectAsync(new("throwing"));
        var handled = Channel.CreateUnbounded<string>();
        await bus.SubscribeAsync("lab/#", async (m, ct) =>
        {
            await handled.Writer.WriteAsync(m.Text(), ct);
            if (m.Text() == "bad")
            {
                throw new InvalidOperationException("handler bug");
            }
        });

        foreach (var text in new[] { "one", "bad", "two", "three" })
        {
            await bus.PublishAsync(TestBus.Text("lab/t", text));
        }

        var seen = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            seen.Add(await handled.Reader.ReadAsync().AsTask().WaitAsync(TestBus.Bound));
        }

        Assert.Equal(["one", "bad", "two", "three"], seen);
    }

    [Fact]
    public async Task SubscribeAsync_SlowHandler_RunsOneMessageAtATime()
    {
        await using var broker = await TestBus.StartBrokerAsync();
        await using var bus = await TestBus.Factory(broker).ConnectAsync(new("serial"));
        var running = 0;
        var maxRunning = 0;
        var done = Channel.CreateUnbounded<int>();
        await bus.SubscribeAsync("lab/#", async (m, ct) =>
        {
            var now = Interlocked.Increment(ref running);
            maxRunning = Math.Max(maxRunning, now);
            await Task.Yield();
            Interlocked.Decrement(ref running);
            await done.Writer.WriteAsync(int.Parse(m.Text(), System.Globalization.CultureInfo.InvariantCulture), ct);
        });

        for (var i = 0; i < 20; i++)
        {
            await bus.PublishAsync(TestBus.Text("lab/n", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var order = new List<int>();
        for (var i = 0; i < 20; i++)
        {
            order.Add(await done.Reader.ReadAsync().AsTask().WaitAsync(TestBus.Bound));
        }

        Assert.Equal(Enumerable.Range(0, 20), order);
        Assert.Equal(1, maxRunning);
    }

    [Fact]
    public async Task DisposeSubscription_SharedFilter_OtherSubscriptionStillReceives()
    {
        await using var broker = await TestBus.StartBrokerAsync();
        await using var bus = await TestBus.Factory(broker).ConnectAsync(new("shared"));
        var (first, firstSubscription) = await bus.CollectAsync("lab/#");
        var (second, _) = await bus.CollectAsync("lab/#");

        await firstSubscription.DisposeAsync();
        await bus.PublishAsync(TestBus.Text("lab/s", "still here"));

        Assert.Equal("still here", (await second.NextAsync()).Text());
        Assert.False(first.Reader.TryRead(out _));
    }

    [Fact]
    public async Task PublishAndHandle_WithWorkTracker_EveryBeginIsEnded()
    {
        await using var broker = await TestBus.StartBrokerAsync();
        var tracker = new CountingWorkTracker();
        await using var bus = await TestBus.Factory(broker, tracker: tracker).ConnectAsync(new("tracked"));
        var (received, _) = await bus.CollectAsync("lab/#");

        await bus.PublishAsync(TestBus.Text("lab/w", "1"));
        await received.NextAsync();
        await bus.PublishAsync(TestBus.Text("lab/w", "2"));
        await received.NextAsync();
        await bus.DisposeAsync();

        // The first connect, two publishes and two handler runs, each one unit of work.
        Assert.Equal(5, tracker.Begun);
        Assert.Equal(tracker.Begun, tracker.Ended);
    }

    [Fact]
    public async Task ConnectAsync_BrokerNotYetListening_RetriesOnInjectedClockUntilConnected()
    {
        var options = TestBus.FastOptions();
        options.ReconnectDelay = TimeSpan.FromSeconds(1);
        options.ReconnectMaxDelay = TimeSpan.FromSeconds(5);
        await using var broker = await TestBus.StartBrokerAsync(options);
        await broker.StopAsync();
        var clock = new TimerSignalingTimeProvider();
        var factory = TestBus.Factory(broker, clock, options);

        var connecting = factory.ConnectAsync(new("patient")).AsTask();
        Assert.True(await clock.TimerCreated.WaitAsync(TestBus.Bound), "the start-up deadline (30 s) should be armed first");
        Assert.True(await clock.TimerCreated.WaitAsync(TestBus.Bound), "the first failed attempt should start a backoff delay");
        Assert.False(connecting.IsCompleted);
        await broker.StartAsync();
        clock.Advance(options.ReconnectMaxDelay);

        await using var bus = await connecting.WaitAsync(TestBus.Bound);
        Assert.True(bus.IsConnected);
    }
}
