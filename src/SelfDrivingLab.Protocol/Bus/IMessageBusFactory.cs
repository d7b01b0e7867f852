namespace SelfDrivingLab.Protocol.Bus;

/// <summary>Opens bus connections to the configured broker.</summary>
public interface IMessageBusFactory
{
    /// <summary>Connects (retrying with backoff until the token is cancelled) and returns the connection.</summary>
    ValueTask<IMessageBusConnection> ConnectAsync(MessageBusConnectionOptions options, CancellationToken cancellationToken = default);
}
