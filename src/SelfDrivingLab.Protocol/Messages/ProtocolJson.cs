using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SelfDrivingLab.Protocol.Messages;

/// <summary>
/// The one JSON shape of the wire protocol: snake_case names, enums as snake_case strings, timestamps
/// in one fixed UTC form with milliseconds (<see cref="ProtocolTimestampConverter"/>), no comments or
/// trailing commas, bounded depth. Use <see cref="Options"/> for every payload.
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
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { WriteRequiredParametersEvenWhenNull } },
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new ProtocolTimestampConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    // A constructor parameter without a default is required when reading, so it must be written
    // even when null (e.g. an abort command's action, a last will's time); otherwise
    // WhenWritingNull would produce payloads this same reader refuses.
    private static void WriteRequiredParametersEvenWhenNull(JsonTypeInfo typeInfo)
    {
        foreach (var property in typeInfo.Properties)
        {
            if (property.AssociatedParameter is { HasDefaultValue: false })
            {
                property.ShouldSerialize = static (_, _) => true;
            }
        }
    }
}
