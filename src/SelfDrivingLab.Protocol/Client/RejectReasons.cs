namespace SelfDrivingLab.Protocol.Client;

/// <summary>Values of the <c>reason</c> tag of <c>sdl.protocol.rejected_messages</c>.</summary>
public static class RejectReasons
{
    /// <summary>The topic is not <c>sdl/v1/{site}/{instrument}/{leaf}</c> with the expected leaf.</summary>
    public const string BadTopic = "bad_topic";

    /// <summary>The payload failed <see cref="Messages.ProtocolReader"/> (size, JSON or field rules).</summary>
    public const string InvalidPayload = "invalid_payload";

    /// <summary>The payload's <c>instrument</c> differs from the instrument in the topic.</summary>
    public const string InstrumentMismatch = "instrument_mismatch";

    /// <summary>The event is about a command id nobody is waiting for.</summary>
    public const string UnknownCommand = "unknown_command";

    /// <summary>The event came from an instrument other than the one commanded.</summary>
    public const string WrongInstrument = "wrong_instrument";

    /// <summary>A second final event for a command that already ended.</summary>
    public const string DuplicateFinal = "duplicate_final";

    /// <summary>A non-final event for a command that already ended.</summary>
    public const string LateEvent = "late_event";
}
