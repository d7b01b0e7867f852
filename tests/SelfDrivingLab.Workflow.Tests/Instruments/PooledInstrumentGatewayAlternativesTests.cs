using Microsoft.Extensions.Time.Testing;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Protocol.Bus;
using SelfDrivingLab.Protocol.Client;
using SelfDrivingLab.Protocol.Directory;
using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Protocol.Topics;
using SelfDrivingLab.Workflow.Instruments;

namespace SelfDrivingLab.Workflow.Tests.Instruments;

/// <summary>The additions for step policies: a lease says whether the action is idempotent, and a step can be sent to another instrument.</summary>
public sealed class PooledInstrumentGatewayAlternativesTests : IAsyncDisposable
{
    private static readonly SiteId Lab = new("lab");
    private readonly FakeTimeProvider _time = new();
    private readonly HandlerBus _bus = new();
    private readonly InstrumentDirectory _directory = new();
    private readonly InstrumentCommandClient _client;

    public PooledInstrumentGatewayAlternativesTests() => _client = new InstrumentCommandClient(_time);

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        await _directory.DisposeAsync();
    }

    [Fact]
    public async Task AcquireAsync_CapabilityDeclaredIdempotent_LeaseSaysSo()
    {
        var gateway = await GatewayWithAsync(("uvvis-1", "measure", true), ("furnace-1", "anneal", false));

        using var measure = await gateway.AcquireAsync("measure");
        using var anneal = await gateway.AcquireAsync("anneal");

        Assert.True(measure.Idempotent);
        Assert.False(anneal.Idempotent);
    }

    [Fact]
    public async Task AcquireOtherAsync_SecondInstrumentOnline_LeasesItNotTheExcludedOne()
    {
        var gateway = await GatewayWithAsync(("furnace-1", "anneal", false), ("furnace-2", "anneal", false));

        using var other = await gateway.AcquireOtherAsync(Lab, new InstrumentId("furnace-1"), "anneal").AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("furnace-2", other.Instrument.Value);
    }

    [Fact]
    public async Task AcquireOtherAsync_OnlyTheExcludedInstrument_ThrowsAtOnce()
    {
        var gateway = await GatewayWithAsync(("furnace-1", "anneal", false));

        var ex = await Assert.ThrowsAsync<NoInstrumentAvailableException>(async () => await gateway.AcquireOtherAsync(Lab, new InstrumentId("furnace-1"), "anneal"));

        Assert.Contains("other than 'furnace-1'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcquireAsync_HigherPriorityWaiter_IsServedBeforeAnEarlierLowerOne()
    {
        var gateway = await GatewayWithAsync(("furnace-1", "anneal", false));
        var busy = await gateway.AcquireAsync("anneal");
        var low = gateway.AcquireAsync("anneal", priority: -1).AsTask();
        var normal = gateway.AcquireAsync("anneal", priority: 0).AsTask();
        var high = gateway.AcquireAsync("anneal", priority: 5).AsTask();

        var order = await ServeInTurnAsync(busy, low, normal, high);

        Assert.Equal([high, normal, low], order);
    }

    [Fact]
    public async Task AcquireAsync_EqualPriorities_FirstComeFirstServed()
    {
        var gateway = await GatewayWithAsync(("furnace-1", "anneal", false));
        var busy = await gateway.AcquireAsync("anneal");
        var first = gateway.AcquireAsync("anneal", priority: 3).AsTask();
        var second = gateway.AcquireAsync("anneal", priority: 3).AsTask();
        var third = gateway.AcquireAsync("anneal", priority: 3).AsTask();

        var order = await ServeInTurnAsync(busy, first, second, third);

        Assert.Equal([first, second, third], order);
    }

    [Fact]
    public async Task AcquireAsync_LowPriorityWaitingLongEnough_AgesPastANewHighPriorityWaiter()
    {
        var gateway = await GatewayWithAsync(("furnace-1", "anneal", false));
        var busy = await gateway.AcquireAsync("anneal");
        var starving = gateway.AcquireAsync("anneal", priority: -5).AsTask();

        // 5 h at one level per 30 min: -5 + 10 = 5, beating a newcomer at 4 (and losing to one at 6).
        _time.Advance(TimeSpan.FromHours(5));
        var newcomer = gateway.AcquireAsync("anneal", priority: 4).AsTask();
        var urgent = gateway.AcquireAsync("anneal", priority: 6).AsTask();

        var order = await ServeInTurnAsync(busy, starving, newcomer, urgent);

        Assert.Equal([urgent, starving, newcomer], order);
        Assert.Equal(TimeSpan.FromMinutes(30), gateway.PriorityAging);
    }

    /// <summary>Releases <paramref name="busy"/>, then each lease as it is granted; returns the waiters in the order they were served.</summary>
    private static async Task<List<Task<InstrumentLease>>> ServeInTurnAsync(InstrumentLease busy, params Task<InstrumentLease>[] waiters)
    {
        Assert.All(waiters, w => Assert.False(w.IsCompleted));
        var order = new List<Task<InstrumentLease>>();
        var pending = waiters.ToList();
        busy.Dispose();
        while (pending.Count > 0)
        {
            var granted = await Task.WhenAny(pending).WaitAsync(TimeSpan.FromSeconds(10));
            _ = Assert.Single(pending, w => w.IsCompleted);
            pending.Remove(granted);
            order.Add(granted);
            (await granted).Dispose();
        }

        return order;
    }

    private async Task<PooledInstrumentGateway> GatewayWithAsync(params (string Id, string Capability, bool Idempotent)[] instruments)
    {
        await _directory.StartAsync(_bus);
        foreach (var (id, capability, idempotent) in instruments)
        {
            var topics = new InstrumentTopics(Lab, new InstrumentId(id));
            var capabilities = new InstrumentCapabilities(topics.Instrument, "test", [new CapabilityDescription(capability, idempotent, [], [])]);
            await _bus.DeliverAsync(topics.Capabilities, ProtocolJson.Serialize(capabilities));
            await _bus.DeliverAsync(topics.Availability, ProtocolJson.Serialize(new InstrumentAvailability(topics.Instrument, AvailabilityState.Online, _time.GetUtcNow())));
        }

        Assert.Equal(instruments.Length, _directory.Snapshot().Count(i => i.State == AvailabilityState.Online));
        return new PooledInstrumentGateway(_directory, _client, _time, TimeSpan.FromMinutes(1));
    }

    /// <summary>A bus that hands delivered messages to every subscribed handler (filters are not matched: the directory subscribes only to its own two).</summary>
    private sealed class HandlerBus : IMessageBus
    {
        private readonly List<Func<InboundMessage, CancellationToken, ValueTask>> _handlers = [];

        public ValueTask PublishAsync(OutboundMessage message, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask<IAsyncDisposable> SubscribeAsync(string topicFilter, Func<InboundMessage, CancellationToken, ValueTask> handler, CancellationToken cancellationToken = default)
        {
            _handlers.Add(handler);
            return ValueTask.FromResult<IAsyncDisposable>(new Nothing());
        }

        public async Task DeliverAsync(string topic, byte[] payload)
        {
            foreach (var handler in _handlers)
            {
                await handler(new InboundMessage(topic, payload, Retained: true), CancellationToken.None);
            }
        }

        private sealed class Nothing : IAsyncDisposable
        {
            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
