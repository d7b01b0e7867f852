namespace SelfDrivingLab.Protocol.Bus;

/// <summary>Opens bus connections to the configured broker.</summary>
public interface IMessageBusFactory
{
    /// <summary>
    /// Connects (retrying with backoff) and returns the connection; from then on it reconnects on its own.
    /// Throws <see cref="MessageBusUnavailableException"/> when no connection could be made within the
    /// transport's start-up timeout, or at once when the broker refuses the client for good.
    /// </summary>
    ValueTask<IMessageBusConnection> ConnectAsync(MessageBusConnectionOptions options, CancellationToken cancellationToken = default);
}
