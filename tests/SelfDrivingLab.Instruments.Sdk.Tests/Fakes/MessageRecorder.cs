using SelfDrivingLab.Protocol.Bus;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Instruments.Sdk.Tests.Fakes;

/// <summary>Records what arrives on a topic filter and lets a test await a message with a bound.</summary>
public sealed class MessageRecorder : IAsyncDisposable
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly List<InboundMessage> _messages = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IMessageBusConnection? _connection;
    private IAsyncDisposable? _subscription;

    public IReadOnlyList<InboundMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>Every readable event received, in order.</summary>
    public IReadOnlyList<InstrumentEvent> Events =>
        Messages.Select(m => ProtocolReader.TryReadEvent(m.Payload.Span, out var e, out _) ? e : null).OfType<InstrumentEvent>().ToList();

    public static async Task<MessageRecorder> StartAsync(IMessageBusFactory bus, string topicFilter, string clientId = "recorder")
    {
        var recorder = new MessageRecorder();
        recorder._connection = await bus.ConnectAsync(new MessageBusConnectionOptions(clientId));
        recorder._subscription = await recorder._connection.SubscribeAsync(topicFilter, recorder.OnMessageAsync);
        return recorder;
    }

    /// <summary>Waits until the <paramref name="count"/>-th event matching <paramref name="predicate"/> arrives and returns it.</summary>
    public async Task<InstrumentEvent> WaitForEventAsync(Func<InstrumentEvent, bool> predicate, int count = 1)
    {
        var until = DateTime.UtcNow + Bound;
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            var matches = Events.Where(predicate).ToList();
            if (matches.Count >= count)
            {
                return matches[count - 1];
            }

            var left = until - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Expected {count} matching event(s) within {Bound}; got: {string.Join(" | ", Events.Select(e => $"{e.Kind} {e.CommandId} {e.Error}"))}");
            }

            await changed.WaitAsync(left);
        }
    }

    /// <summary>Waits until a message on <paramref name="topic"/> satisfies <paramref name="predicate"/>.</summary>
    public async Task<InboundMessage> WaitForMessageAsync(string topic, Func<InboundMessage, bool> predicate)
    {
        var until = DateTime.UtcNow + Bound;
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            var match = Messages.FirstOrDefault(m => m.Topic == topic && predicate(m));
            if (match is not null)
            {
                return match;
            }

            var left = until - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"No matching message on {topic} within {Bound}.");
            }

            await changed.WaitAsync(left);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_subscription is not null)
        {
            await _subscription.DisposeAsync();
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    private ValueTask OnMessageAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _messages.Add(message);
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
        return ValueTask.CompletedTask;
    }
}
