using System.Text.Json;

namespace SelfDrivingLab.Protocol.Messages;

/// <summary>
/// Decodes and validates inbound payloads. Never throws for bad input: it returns false with a
/// reason that names what was wrong, so callers can log, count and drop the message.
/// </summary>
public static class ProtocolReader
{
    /// <summary>Decodes a command.</summary>
    public static bool TryReadCommand(ReadOnlySpan<byte> payload, out InstrumentCommand? command, out string error) =>
        TryRead(payload, ProtocolValidation.Validate, out command, out error);

    /// <summary>Decodes an event.</summary>
    public static bool TryReadEvent(ReadOnlySpan<byte> payload, out InstrumentEvent? instrumentEvent, out string error) =>
        TryRead(payload, ProtocolValidation.Validate, out instrumentEvent, out error);

    /// <summary>Decodes an availability message.</summary>
    public static bool TryReadAvailability(ReadOnlySpan<byte> payload, out InstrumentAvailability? availability, out string error) =>
        TryRead(payload, ProtocolValidation.Validate, out availability, out error);

    /// <summary>Decodes a capabilities message.</summary>
    public static bool TryReadCapabilities(ReadOnlySpan<byte> payload, out InstrumentCapabilities? capabilities, out string error) =>
        TryRead(payload, ProtocolValidation.Validate, out capabilities, out error);

    private static bool TryRead<T>(ReadOnlySpan<byte> payload, Func<T, string?> validate, out T? message, out string error)
        where T : class
    {
        message = null;
        if (payload.Length == 0)
        {
            error = "empty payload";
            return false;
        }

        if (payload.Length > ProtocolJson.MaxPayloadBytes)
        {
            error = $"payload of {payload.Length} bytes exceeds the {ProtocolJson.MaxPayloadBytes}-byte limit";
            return false;
        }

        try
        {
            message = JsonSerializer.Deserialize<T>(payload, ProtocolJson.Options);
        }
        catch (JsonException ex)
        {
            error = $"malformed {typeof(T).Name}: {ex.Message}";
            return false;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or NotSupportedException)
        {
            error = $"invalid {typeof(T).Name}: {ex.Message}";
            return false;
        }

        if (message is null)
        {
            error = $"{typeof(T).Name} payload is JSON null";
            return false;
        }

        var problem = validate(message);
        if (problem is not null)
        {
            message = null;
            error = $"invalid {typeof(T).Name}: {problem}";
            return false;
        }

        error = string.Empty;
        return true;
    }
}
