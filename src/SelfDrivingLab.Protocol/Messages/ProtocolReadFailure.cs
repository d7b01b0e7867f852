namespace SelfDrivingLab.Protocol.Messages;

/// <summary>Why <see cref="ProtocolReader"/> refused a payload. Immutable.</summary>
/// <param name="Reason">A stable, machine-readable reason (one of the <c>RejectReasons</c> payload codes), used as the metric tag.</param>
/// <param name="Detail">Human-readable detail naming what was wrong.</param>
public readonly record struct ProtocolReadFailure(string Reason, string Detail);
