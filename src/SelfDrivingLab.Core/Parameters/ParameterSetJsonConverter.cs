using System.Text.Json;
using System.Text.Json.Serialization;

namespace SelfDrivingLab.Core.Parameters;

/// <summary>A <see cref="ParameterSet"/> is a JSON object of numbers and strings.</summary>
public sealed class ParameterSetJsonConverter : JsonConverter<ParameterSet>
{
    private static readonly ParameterValueJsonConverter ValueConverter = new();

    /// <inheritdoc />
    public override ParameterSet Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Parameters must be a JSON object, not {reader.TokenType}.");
        }

        var values = new List<KeyValuePair<string, ParameterValue>>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            try
            {
                values.Add(new(name, ValueConverter.Read(ref reader, typeof(ParameterValue), options)));
            }
            catch (JsonException ex)
            {
                throw new JsonException($"Parameter '{name}': {ex.Message}", ex);
            }
        }

        try
        {
            return new ParameterSet(values);
        }
        catch (ArgumentException ex)
        {
            throw new JsonException(ex.Message, ex);
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ParameterSet value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (name, v) in value)
        {
            writer.WritePropertyName(name);
            ValueConverter.Write(writer, v, options);
        }

        writer.WriteEndObject();
    }
}
