using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SelfDrivingLab.Protocol.Messages;

/// <summary>
/// Timestamps on the wire: written in one fixed form, UTC with exactly three fractional digits and the offset
/// <c>+00:00</c> (<see cref="Format"/>, e.g. <c>2025-03-01T12:00:00.000+00:00</c>), which every ISO 8601 parser
/// reads — Python's <c>strptime("%Y-%m-%dT%H:%M:%S.%f%z")</c> and <c>fromisoformat</c> since 3.7 included; read
/// as any ISO 8601 date-time with an offset or <c>Z</c>, with any number of fractional digits. Thread-safe.
/// </summary>
internal sealed class ProtocolTimestampConverter : JsonConverter<DateTimeOffset>
{
    /// <summary>The written form (a .NET custom format string).</summary>
    public const string Format = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'+00:00'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        // Raw, because the default encoder would escape '+' as \u002B; the text is plain ASCII digits and separators.
        writer.WriteRawValue("\"" + value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture) + "\"", skipInputValidation: true);
    }
}
