namespace SelfDrivingLab.Protocol.Messages;

/// <summary>The wire protocol version this library speaks (see docs/protocol.md).</summary>
public static class ProtocolVersion
{
    /// <summary>Value of every payload's <c>protocol</c> field and the topic root.</summary>
    public const string Current = "sdl/v1";
}
