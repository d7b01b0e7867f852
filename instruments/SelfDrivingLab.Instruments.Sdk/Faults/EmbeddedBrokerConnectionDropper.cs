using SelfDrivingLab.Transport.Mqtt;

namespace SelfDrivingLab.Instruments.Sdk;

/// <summary>
/// Drops clients of an <see cref="EmbeddedMqttBroker"/> from the broker side
/// (<see cref="EmbeddedMqttBroker.DropClientAsync"/>), which publishes their last will. Thread-safe.
/// </summary>
public sealed class EmbeddedBrokerConnectionDropper : IConnectionDropper
{
    private readonly EmbeddedMqttBroker _broker;

    /// <summary>Drops clients of <paramref name="broker"/>.</summary>
    public EmbeddedBrokerConnectionDropper(EmbeddedMqttBroker broker) => _broker = broker ?? throw new ArgumentNullException(nameof(broker));

    /// <inheritdoc />
    public async ValueTask<bool> DropAsync(string clientId, CancellationToken cancellationToken = default) =>
        await _broker.DropClientAsync(clientId, cancellationToken).ConfigureAwait(false);
}
