using SelfDrivingLab.Protocol.Bus;

namespace SelfDrivingLab.Instruments.Sdk.Tests.Fakes;

/// <summary>One client's connection to an <see cref="InMemoryMessageBus"/>. Thread-safe.</summary>
public sealed class InMemoryConnection : IMessageBusConnection
{
    private readonly InMemoryMessageBus _bus;
    private readonly Lock _gate = new();
    private readonly List<InMemorySubscription> _subscriptions = [];
    private volatile bool _connected = true;

    internal InMemoryConnection(InMemoryMessageBus bus, MessageBusConnectionOptions options)
    {
        _bus = bus;
        Options = options;
    }

    public MessageBusConnectionOptions Options { get; }

    public string ClientId => Options.ClientId;

    public bool IsConnected => _connected;

    public ValueTask PublishAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_connected)
        {
            throw new InvalidOperationException($"Client '{ClientId}' is disconnected.");
        }

        _bus.Route(message);
        return ValueTask.CompletedTask;
    }

    public ValueTask<IAsyncDisposable> SubscribeAsync(string topicFilter, Func<InboundMessage, CancellationToken, ValueTask> handler, CancellationToken cancellationToken = default)
    {
        if (!_connected)
        {
            throw new InvalidOperationException($"Client '{ClientId}' is disconnected.");
        }

        var subscription = new InMemorySubscription(this, topicFilter, handler, _bus.HandlerErrors);
        _bus.AddSubscription(subscription);
        return ValueTask.FromResult<IAsyncDisposable>(subscription);
    }

    /// <summary>Clean disconnect: no last will.</summary>
    public ValueTask DisposeAsync() => CloseAsync();

    internal void Add(InMemorySubscription subscription)
    {
        lock (_gate)
        {
            _subscriptions.Add(subscription);
        }
    }

    internal void Remove(InMemorySubscription subscription)
    {
        lock (_gate)
        {
            _subscriptions.Remove(subscription);
        }
    }

    internal void Deliver(InboundMessage message)
    {
        lock (_gate)
        {
            foreach (var subscription in _subscriptions.Where(s => InMemoryMessageBus.Matches(s.Filter, message.Topic)))
            {
                subscription.Enqueue(message);
            }
        }
    }

    internal void SetConnected(bool connected) => _connected = connected;

    internal async ValueTask CloseAsync()
    {
        _connected = false;
        _bus.Remove(this);
        InMemorySubscription[] subscriptions;
        lock (_gate)
        {
            subscriptions = [.. _subscriptions];
        }

        foreach (var subscription in subscriptions)
        {
            await subscription.DisposeAsync();
        }
    }
}
