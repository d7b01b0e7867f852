using System.Collections.Concurrent;
using SelfDrivingLab.Protocol.Bus;

namespace SelfDrivingLab.Instruments.Sdk.Tests.Fakes;

/// <summary>
/// A broker in memory: MQTT topic filters (+ and #), retained messages (an empty retained payload
/// clears), per-subscription ordered asynchronous delivery, and last wills published when a client
/// is dropped abruptly (<see cref="DropAsync"/>, or as an <see cref="IConnectionDropper"/>, which
/// also reconnects the client as the MQTT transport does) but not on a clean dispose. Thread-safe.
/// </summary>
public sealed class InMemoryMessageBus : IMessageBusFactory, IConnectionDropper
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, OutboundMessage> _retained = new(StringComparer.Ordinal);
    private readonly List<InMemoryConnection> _connections = [];
    private int _reconnects;

    /// <summary>Exceptions thrown by subscription handlers (a real bus logs and swallows them).</summary>
    public ConcurrentQueue<Exception> HandlerErrors { get; } = new();

    /// <summary>Client ids currently connected.</summary>
    public IReadOnlyList<string> ConnectedClients
    {
        get
        {
            lock (_gate)
            {
                return _connections.Select(c => c.ClientId).ToList();
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask<IMessageBusConnection> ConnectAsync(MessageBusConnectionOptions options, CancellationToken cancellationToken = default)
    {
        var connection = new InMemoryConnection(this, options);
        lock (_gate)
        {
            if (_connections.Any(c => c.ClientId == options.ClientId))
            {
                throw new InvalidOperationException($"Client id '{options.ClientId}' is already connected.");
            }

            _connections.Add(connection);
        }

        if (options.OnConnected is { } onConnected)
        {
            await onConnected(connection, cancellationToken);
        }

        return connection;
    }

    /// <summary>The retained payload on <paramref name="topic"/>, if any.</summary>
    public ReadOnlyMemory<byte>? Retained(string topic)
    {
        lock (_gate)
        {
            return _retained.TryGetValue(topic, out var message) ? message.Payload : null;
        }
    }

    /// <summary>Simulates a lost connection: the client is gone and the broker publishes its last will.</summary>
    public async ValueTask DropAsync(string clientId)
    {
        InMemoryConnection? connection;
        lock (_gate)
        {
            connection = _connections.FirstOrDefault(c => c.ClientId == clientId)
                ?? throw new InvalidOperationException($"Client '{clientId}' is not connected.");
        }

        await connection.CloseAsync();
        if (connection.Options.Will is { } will)
        {
            Route(will);
        }
    }

    /// <summary>How many times a client was dropped and reconnected through <see cref="IConnectionDropper"/>.</summary>
    public int Reconnects => Volatile.Read(ref _reconnects);

    /// <summary>
    /// Drops the client abruptly (its last will is published; messages meanwhile do not reach it), then
    /// reconnects it at once with its subscriptions and calls its OnConnected, as the MQTT transport's
    /// own reconnection does.
    /// </summary>
    async ValueTask<bool> IConnectionDropper.DropAsync(string clientId, CancellationToken cancellationToken)
    {
        InMemoryConnection? connection;
        lock (_gate)
        {
            connection = _connections.FirstOrDefault(c => c.ClientId == clientId);
            if (connection is null)
            {
                return false;
            }

            _connections.Remove(connection);
            connection.SetConnected(false);
        }

        if (connection.Options.Will is { } will)
        {
            Route(will);
        }

        lock (_gate)
        {
            _connections.Add(connection);
            connection.SetConnected(true);
        }

        Interlocked.Increment(ref _reconnects);
        if (connection.Options.OnConnected is { } onConnected)
        {
            await onConnected(connection, cancellationToken);
        }

        return true;
    }

    /// <summary>MQTT topic-filter matching: '+' is one level, a trailing '#' is any number of levels (including none).</summary>
    public static bool Matches(string filter, string topic)
    {
        var f = filter.Split('/');
        var t = topic.Split('/');
        for (var i = 0; i < f.Length; i++)
        {
            if (f[i] == "#")
            {
                return i == f.Length - 1;
            }

            if (i >= t.Length || (f[i] != "+" && f[i] != t[i]))
            {
                return false;
            }
        }

        return f.Length == t.Length;
    }

    internal void Route(OutboundMessage message)
    {
        lock (_gate)
        {
            if (message.Retain)
            {
                if (message.Payload.IsEmpty)
                {
                    _retained.Remove(message.Topic);
                }
                else
                {
                    _retained[message.Topic] = message;
                }
            }

            // Copy: the publisher may reuse its buffer after the publish completes.
            var inbound = new InboundMessage(message.Topic, message.Payload.ToArray(), Retained: false);
            foreach (var connection in _connections)
            {
                connection.Deliver(inbound);
            }
        }
    }

    internal void AddSubscription(InMemorySubscription subscription)
    {
        lock (_gate)
        {
            subscription.Owner.Add(subscription);
            foreach (var retained in _retained.Values.Where(r => Matches(subscription.Filter, r.Topic)))
            {
                subscription.Enqueue(new InboundMessage(retained.Topic, retained.Payload.ToArray(), Retained: true));
            }
        }
    }

    internal void Remove(InMemoryConnection connection)
    {
        lock (_gate)
        {
            _connections.Remove(connection);
        }
    }
}
