namespace SelfDrivingLab.Protocol.Bus;

/// <summary>A message to publish (always QoS 1).</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Payload">UTF-8 JSON payload.</param>
/// <param name="Retain">Whether the broker keeps it for late subscribers.</param>
public sealed record OutboundMessage(string Topic, ReadOnlyMemory<byte> Payload, bool Retain = false);
