using System.Text.Json;
using System.Text.Json.Serialization;

namespace SelfDrivingLab.Core.Ids;

/// <summary>Writes an id as a JSON string and validates it when reading.</summary>
public sealed class StringIdJsonConverter<TId> : JsonConverter<TId>
    where TId : struct, IStringId<TId>
{
    /// <inheritdoc />
    public override TId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"{typeof(TId).Name} must be a JSON string, not {reader.TokenType}.");
        }

        try
        {
            return TId.Create(reader.GetString()!);
        }
        catch (ArgumentException ex)
        {
            throw new JsonException(ex.Message, ex);
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
