using System.Text.Json;
using System.Text.Json.Serialization;

namespace SelfDrivingLab.Protocol.Messages;

/// <summary>
/// The one JSON shape of the wire protocol: snake_case names, enums as snake_case strings, no
/// comments or trailing commas, bounded depth. Use <see cref="Options"/> for every payload.
/// </summary>
public static class ProtocolJson
{
    /// <summary>Largest payload accepted, in bytes; bigger payloads are refused unread.</summary>
    public const int MaxPayloadBytes = 64 * 1024;

    /// <summary>Shared, immutable serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Serializes a protocol message to UTF-8 JSON.</summary>
    public static byte[] Serialize<T>(T message) => JsonSerializer.SerializeToUtf8Bytes(message, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            MaxDepth = 16,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            NumberHandling = JsonNumberHandling.Strict,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
