using System.Text.Json;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Protocol.Control;

/// <summary>Decodes control-channel payloads; never throws for bad input (returns false with a reason).</summary>
public static class ControlReader
{
    /// <summary>Longest operator name or reason accepted.</summary>
    public const int MaxTextLength = 500;

    /// <summary>Decodes and validates a request.</summary>
    public static bool TryReadRequest(ReadOnlySpan<byte> payload, out ControlRequest? request, out string error)
    {
        request = null;
        if (!TryDeserialize(payload, out request, out error))
        {
            return false;
        }

        var r = request!;
        error = !IdRules.IsValid(r.RequestId) ? $"request_id '{r.RequestId}' is not a valid id (letters, digits, '-', '_', '.')"
            : !Enum.IsDefined(r.Action) ? $"action {r.Action} is unknown"
            : string.IsNullOrWhiteSpace(r.Operator) || r.Operator.Length > MaxTextLength ? "operator must be a name of 1 to 500 characters"
            : r.Reason is { Length: > MaxTextLength } ? "reason is longer than 500 characters"
            : r.Action is not ControlAction.Status && string.IsNullOrWhiteSpace(r.Target) ? $"action {r.Action} needs a target"
            : r.Target is { } t && !IdRules.IsValid(t) ? $"target '{t}' is not a valid id or name"
            : string.Empty;
        if (error.Length > 0)
        {
            request = null;
            return false;
        }

        return true;
    }

    /// <summary>Decodes a response.</summary>
    public static bool TryReadResponse(ReadOnlySpan<byte> payload, out ControlResponse? response, out string error) =>
        TryDeserialize(payload, out response, out error);

    private static bool TryDeserialize<T>(ReadOnlySpan<byte> payload, out T? message, out string error)
        where T : class
    {
        message = null;
        if (payload.Length is 0 or > ProtocolJson.MaxPayloadBytes)
        {
            error = $"payload of {payload.Length} bytes is empty or over the {ProtocolJson.MaxPayloadBytes}-byte limit";
            return false;
        }

        try
        {
            message = JsonSerializer.Deserialize<T>(payload, ProtocolJson.Options);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or FormatException or NotSupportedException)
        {
            error = $"malformed {typeof(T).Name}: {ex.Message}";
            return false;
        }

        error = message is null ? $"{typeof(T).Name} payload is JSON null" : string.Empty;
        return message is not null;
    }
}
