using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Hosting;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Protocol.Bus;
using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Protocol.Topics;

namespace SelfDrivingLab.Hosting.Tests.Fuzz;

/// <summary>
/// Records every event the real instruments publish (on their own topics, under their own names),
/// skipping payloads the fuzzer sent; started as a hosted service between the broker and the campaign.
/// </summary>
internal sealed class RealEventSpy(SiteId site, IReadOnlyList<InstrumentId> instruments) : IHostedService
{
    private IMessageBusFactory? _factory;
    private IMessageBusConnection? _connection;

    public ConcurrentQueue<(InstrumentEvent Event, string Json)> Events { get; } = new();

    /// <summary>Payloads the fuzzer published (a replay is byte-identical to a real event already recorded).</summary>
    public ConcurrentDictionary<string, byte> Fuzzed { get; } = new(StringComparer.Ordinal);

    public RealEventSpy Bind(IMessageBusFactory factory)
    {
        _factory = factory;
        return this;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _connection = await _factory!.ConnectAsync(new MessageBusConnectionOptions("fuzz-spy"), cancellationToken);
        await _connection.SubscribeAsync(InstrumentTopics.AllEvents, OnEvent, cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _connection, null) is { } connection)
        {
            await connection.DisposeAsync();
        }
    }

    private ValueTask OnEvent(InboundMessage message, CancellationToken cancellationToken)
    {
        var json = Encoding.UTF8.GetString(message.Payload.Span);
        if (!Fuzzed.ContainsKey(json)
            && ProtocolReader.TryReadEvent(message.Payload.Span, out var e, out _)
            && instruments.Contains(e!.Instrument)
            && message.Topic == new InstrumentTopics(site, e.Instrument).Event)
        {
            Events.Enqueue((e, json));
        }

        return ValueTask.CompletedTask;
    }
}
