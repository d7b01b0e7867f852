using System.Text.Json;
using SelfDrivingLab.Protocol.Client;

namespace SelfDrivingLab.Protocol.Messages;

/// <summary>
/// Decodes and validates inbound payloads. Never throws for bad input: it returns false with a
/// reason that names what was wrong, so callers can log, count and drop the message.
/// </summary>
/// <remarks>
/// A payload is checked in order: size, JSON syntax and number range (a fast token scan, so
/// malformed JSON and non-finite numbers get their own reason), then the message shape (types,
/// required fields, enum values), then the message's semantic rules.
/// </remarks>
public static class ProtocolReader
{
    private static readonly JsonReaderOptions ScanOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = ProtocolJson.Options.MaxDepth,
    };

    /// <summary>Decodes a command.</summary>
    public static bool TryReadCommand(ReadOnlySpan<byte> payload, out InstrumentCommand? command, out string error) =>
        Flatten(TryRead(payload, ProtocolValidation.Validate, out command, out var failure), failure, out error);

    /// <summary>Decodes an event.</summary>
    public static bool TryReadEvent(ReadOnlySpan<byte> payload, out InstrumentEvent? instrumentEvent, out string error) =>
        Flatten(TryDecodeEvent(payload, out instrumentEvent, out var failure), failure, out error);

    /// <summary>Decodes an event; on failure <paramref name="failure"/> says why, with a reason code.</summary>
    public static bool TryDecodeEvent(ReadOnlySpan<byte> payload, out InstrumentEvent? instrumentEvent, out ProtocolReadFailure failure) =>
        TryRead(payload, ProtocolValidation.Validate, out instrumentEvent, out failure);

    /// <summary>Decodes an availability message.</summary>
    public static bool TryReadAvailability(ReadOnlySpan<byte> payload, out InstrumentAvailability? availability, out string error) =>
        Flatten(TryDecodeAvailability(payload, out availability, out var failure), failure, out error);

    /// <summary>Decodes an availability message; on failure <paramref name="failure"/> says why, with a reason code.</summary>
    public static bool TryDecodeAvailability(ReadOnlySpan<byte> payload, out InstrumentAvailability? availability, out ProtocolReadFailure failure) =>
        TryRead(payload, ProtocolValidation.Validate, out availability, out failure);

    /// <summary>Decodes a capabilities message.</summary>
    public static bool TryReadCapabilities(ReadOnlySpan<byte> payload, out InstrumentCapabilities? capabilities, out string error) =>
        Flatten(TryDecodeCapabilities(payload, out capabilities, out var failure), failure, out error);

    /// <summary>Decodes a capabilities message; on failure <paramref name="failure"/> says why, with a reason code.</summary>
    public static bool TryDecodeCapabilities(ReadOnlySpan<byte> payload, out InstrumentCapabilities? capabilities, out ProtocolReadFailure failure) =>
        TryRead(payload, ProtocolValidation.Validate, out capabilities, out failure);

    private static bool Flatten(bool ok, ProtocolReadFailure failure, out string error)
    {
        error = ok ? string.Empty : failure.Detail;
        return ok;
    }

    private static bool TryRead<T>(ReadOnlySpan<byte> payload, Func<T, ProtocolReadFailure?> validate, out T? message, out ProtocolReadFailure failure)
        where T : class
    {
        message = null;
        var name = typeof(T).Name;
        if (Scan(payload, name) is { } scanFailure)
        {
            failure = scanFailure;
            return false;
        }

        try
        {
            message = JsonSerializer.Deserialize<T>(payload, ProtocolJson.Options);
        }
        catch (JsonException ex)
        {
            // The syntax is fine (scanned above), so this is a wrong type, a missing field or an unknown enum value.
            failure = new(RejectReasons.InvalidPayload, $"invalid {name}: {ex.Message}");
            return false;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or NotSupportedException or OverflowException)
        {
            failure = new(RejectReasons.InvalidPayload, $"invalid {name}: {ex.Message}");
            return false;
        }

        if (message is null)
        {
            failure = new(RejectReasons.InvalidPayload, $"{name} payload is JSON null");
            return false;
        }

        if (validate(message) is { } problem)
        {
            message = null;
            failure = problem with { Detail = $"invalid {name}: {problem.Detail}" };
            return false;
        }

        failure = default;
        return true;
    }

    // One pass over the tokens, without allocating: size, syntax, depth, and every number finite.
    private static ProtocolReadFailure? Scan(ReadOnlySpan<byte> payload, string name)
    {
        if (payload.Length == 0)
        {
            return new(RejectReasons.EmptyPayload, "empty payload");
        }

        if (payload.Length > ProtocolJson.MaxPayloadBytes)
        {
            return new(RejectReasons.OversizedPayload, $"payload of {payload.Length} bytes exceeds the {ProtocolJson.MaxPayloadBytes}-byte limit");
        }

        var reader = new Utf8JsonReader(payload, ScanOptions);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.Number && (!reader.TryGetDouble(out var number) || !double.IsFinite(number)))
                {
                    return new(RejectReasons.NonFiniteNumber, $"{name} has a number out of the finite double range at byte {reader.TokenStartIndex}");
                }
            }
        }
        catch (JsonException ex)
        {
            return new(RejectReasons.MalformedJson, $"malformed {name}: {ex.Message}");
        }

        return null;
    }
}
