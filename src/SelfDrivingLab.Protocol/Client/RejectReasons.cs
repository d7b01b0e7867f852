namespace SelfDrivingLab.Protocol.Client;

/// <summary>
/// Values of the <c>reason</c> tag of <c>sdl.protocol.rejected_messages</c>, the one counter every
/// inbound path of the orchestrator (events, availability, capabilities) reports drops on.
/// </summary>
public static class RejectReasons
{
    /// <summary>The topic is not <c>sdl/v1/{site}/{instrument}/{leaf}</c> with the expected leaf.</summary>
    public const string BadTopic = "bad_topic";

    /// <summary>The payload is empty (on the event topic; on retained topics an empty payload clears the value).</summary>
    public const string EmptyPayload = "empty_payload";

    /// <summary>The payload is larger than <see cref="Messages.ProtocolJson.MaxPayloadBytes"/>.</summary>
    public const string OversizedPayload = "oversized_payload";

    /// <summary>The payload is not well-formed JSON (truncated, random bytes, comments, too deep).</summary>
    public const string MalformedJson = "malformed_json";

    /// <summary>A number is NaN, infinite or out of the double range (including a result spelled as text).</summary>
    public const string NonFiniteNumber = "non_finite_number";

    /// <summary>Well-formed JSON that is not a valid message: wrong types, missing fields, unknown values, broken rules.</summary>
    public const string InvalidPayload = "invalid_payload";

    /// <summary>The payload's <c>instrument</c> differs from the instrument in the topic.</summary>
    public const string InstrumentMismatch = "instrument_mismatch";

    /// <summary>An event arrived as a retained message; events are never retained, so it is stale.</summary>
    public const string RetainedEvent = "retained_event";

    /// <summary>The event is about a command id nobody sent (or one too old to remember), e.g. of an unknown experiment.</summary>
    public const string UnknownCommand = "unknown_command";

    /// <summary>The event came from an instrument other than the one commanded.</summary>
    public const string WrongInstrument = "wrong_instrument";

    /// <summary>A second final event for a command that already ended (or whose late final was already recorded).</summary>
    public const string DuplicateFinal = "duplicate_final";

    /// <summary>A repeat of a non-final event already applied (same command, same kind, same progress).</summary>
    public const string DuplicateEvent = "duplicate_event";

    /// <summary>A non-final event that arrived after a later one (progress after the final event, accepted after progress, progress going back).</summary>
    public const string OutOfOrder = "out_of_order";

    /// <summary>A non-final event for a command the orchestrator gave up on (a late final is recorded instead, not rejected).</summary>
    public const string LateEvent = "late_event";
}
