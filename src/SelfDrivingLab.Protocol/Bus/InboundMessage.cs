namespace SelfDrivingLab.Protocol.Bus;

/// <summary>A message received on a subscription.</summary>
/// <param name="Topic">The topic it was published on.</param>
/// <param name="Payload">The raw payload; may be anything, validate before use.</param>
/// <param name="Retained">Whether it was a retained message delivered on subscribe.</param>
public sealed record InboundMessage(string Topic, ReadOnlyMemory<byte> Payload, bool Retained);
