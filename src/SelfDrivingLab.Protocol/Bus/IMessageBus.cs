namespace SelfDrivingLab.Protocol.Bus;

/// <summary>
/// Publish/subscribe over one broker connection. Thread-safe. Implementations own reconnection and
/// re-subscription; a publish while disconnected waits for the connection (bounded by the token).
/// </summary>
public interface IMessageBus
{
    /// <summary>Publishes with QoS 1; completes when the broker acknowledged it.</summary>
    ValueTask PublishAsync(OutboundMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Subscribes <paramref name="handler"/> to <paramref name="topicFilter"/> (MQTT wildcards allowed)
    /// with QoS 1. The handler's exceptions are logged and swallowed: one bad message never stops a
    /// subscription. Dispose the result to unsubscribe.
    /// </summary>
    ValueTask<IAsyncDisposable> SubscribeAsync(string topicFilter, Func<InboundMessage, CancellationToken, ValueTask> handler, CancellationToken cancellationToken = default);
}
