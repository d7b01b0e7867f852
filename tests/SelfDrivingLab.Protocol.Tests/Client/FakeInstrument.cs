using System.Text;
using System.Threading.Channels;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Protocol.Bus;
using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Protocol.Topics;

namespace SelfDrivingLab.Protocol.Tests.Client;

/// <summary>A scriptable instrument: records the commands it receives; the test decides what it publishes.</summary>
internal sealed class FakeInstrument
{
    private readonly IMessageBus _bus;
    private readonly TimeProvider _time;

    private FakeInstrument(IMessageBus bus, InstrumentTopics topics, TimeProvider time)
    {
        _bus = bus;
        Topics = topics;
        _time = time;
    }

    public InstrumentTopics Topics { get; }

    public Channel<InstrumentCommand> Commands { get; } = Channel.CreateUnbounded<InstrumentCommand>();

    public static async Task<FakeInstrument> StartAsync(LiveBus live, string site, string instrument, TimeProvider time)
    {
        var topics = new InstrumentTopics(new SiteId(site), new InstrumentId(instrument));
        var bus = await live.ConnectAsync($"instrument-{site}-{instrument}");
        var fake = new FakeInstrument(bus, topics, time);
        await bus.SubscribeAsync(topics.Command, async (message, ct) =>
        {
            Assert.True(ProtocolReader.TryReadCommand(message.Payload.Span, out var command, out var error), error);
            await fake.Commands.Writer.WriteAsync(command!, ct);
        });
        return fake;
    }

    public async Task<InstrumentCommand> NextCommandAsync() => await Commands.Reader.ReadAsync().AsTask().WaitAsync(LiveBus.Bound);

    public InstrumentEvent Event(InstrumentEventKind kind, CommandId id, ParameterSet? results = null, string? error = null, double? progress = null) =>
        new(kind, id, Topics.Instrument, _time.GetUtcNow(), progress, results, error, Message: $"{kind} by fake");

    public ValueTask SendAsync(InstrumentEvent instrumentEvent) => SendRawAsync(Topics.Event, ProtocolJson.Serialize(instrumentEvent));

    public ValueTask SendToTopicAsync(InstrumentTopics topics, InstrumentEvent instrumentEvent) => SendRawAsync(topics.Event, ProtocolJson.Serialize(instrumentEvent));

    public ValueTask SendRawAsync(string topic, string json) => SendRawAsync(topic, Encoding.UTF8.GetBytes(json));

    public ValueTask SendRawAsync(string topic, byte[] payload) => _bus.PublishAsync(new OutboundMessage(topic, payload));
}
