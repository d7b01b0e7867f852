using System.Text.Json;
using System.Text.Json.Serialization;

namespace SelfDrivingLab.Core.Parameters;

/// <summary>A <see cref="ParameterValue"/> is a JSON number or a JSON string; anything else is an error.</summary>
public sealed class ParameterValueJsonConverter : JsonConverter<ParameterValue>
{
    /// <inheritdoc />
    public override ParameterValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Number when reader.TryGetDouble(out var d) && double.IsFinite(d) => ParameterValue.FromNumber(d),
            JsonTokenType.Number => throw new JsonException("A parameter value must be a finite number."),
            JsonTokenType.String => ParameterValue.FromText(reader.GetString()!),
            _ => throw new JsonException($"A parameter value must be a number or a string, not {reader.TokenType}."),
        };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ParameterValue value, JsonSerializerOptions options)
    {
        if (value.IsText)
        {
            writer.WriteStringValue(value.Text);
        }
        else
        {
            writer.WriteNumberValue(value.Number);
        }
    }
}
