namespace SelfDrivingLab.Protocol.Bus;

/// <summary>What one connection needs beyond the broker settings.</summary>
/// <param name="ClientId">MQTT client id; unique per broker, stable across restarts (persistent session).</param>
/// <param name="Will">Last will the broker publishes if the connection is lost (retained availability = offline).</param>
/// <param name="OnConnected">Called after every (re)connect, after subscriptions are restored; e.g. to republish retained presence.</param>
/// <param name="Identity">
/// The broker identity (user name) this connection acts as, when the transport holds its credentials (an instrument
/// connects as its instrument id); null (default) for the transport's configured identity.
/// </param>
public sealed record MessageBusConnectionOptions(
    string ClientId,
    OutboundMessage? Will = null,
    Func<IMessageBus, CancellationToken, ValueTask>? OnConnected = null,
    string? Identity = null);
