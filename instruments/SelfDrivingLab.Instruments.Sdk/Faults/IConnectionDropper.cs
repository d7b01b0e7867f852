namespace SelfDrivingLab.Instruments.Sdk;

/// <summary>
/// Cuts a client's bus connection abruptly, as a pulled network cable would: no DISCONNECT, so the
/// broker publishes the client's last will, and the client's transport reconnects on its own.
/// Used for fault injection. Implementations must be thread-safe.
/// </summary>
public interface IConnectionDropper
{
    /// <summary>Drops <paramref name="clientId"/>'s connection; false when it is not connected.</summary>
    ValueTask<bool> DropAsync(string clientId, CancellationToken cancellationToken = default);
}
