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
