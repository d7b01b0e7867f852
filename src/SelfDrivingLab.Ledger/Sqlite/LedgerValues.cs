using System.Globalization;
using System.Text;
using System.Text.Json;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Core.Text;

namespace SelfDrivingLab.Ledger.Sqlite;

/// <summary>How values are written to and read from ledger columns.</summary>
internal static class LedgerValues
{
    private static readonly JsonSerializerOptions StoredJson = new(JsonSerializerDefaults.Web);

    /// <summary>ISO-8601 with the original offset, e.g. <c>2026-03-01T09:30:00.0000000+00:00</c>.</summary>
    public static string FormatTime(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None);

    /// <summary>Parameter sets use Core's JSON converter (numbers round-trip exactly, text stays text).</summary>
    public static string ToJson(ParameterSet values) => JsonSerializer.Serialize(values);

    public static ParameterSet FromJson(string json) =>
        JsonSerializer.Deserialize<ParameterSet>(json) ?? throw new JsonException("A stored parameter set is null.");

    /// <summary>Each step's outputs as one JSON object in workflow order: <c>{"print":{"sample_id":"s-1"},"test":{"toughness":1.2}}</c>.</summary>
    public static string OutputsToJson(IReadOnlyList<StepOutputs> outputs)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var step in outputs)
            {
                writer.WritePropertyName(step.Step);
                JsonSerializer.Serialize(writer, step.Outputs);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static IReadOnlyList<StepOutputs> OutputsFromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateObject().Select(p => new StepOutputs(p.Name, p.Value.Deserialize<ParameterSet>() ?? ParameterSet.Empty))];
    }

    /// <summary>The objective vector as a JSON array: <c>[{"output":"toughness","value":1.2}]</c> (numbers round-trip exactly).</summary>
    public static string ObjectivesToJson(IReadOnlyList<ObjectiveValue> objectives) =>
        JsonSerializer.Serialize(objectives.Select(o => new StoredObjective(o.Output, o.Value)), StoredJson);

    public static IReadOnlyList<ObjectiveValue> ObjectivesFromJson(string json) =>
        [.. (JsonSerializer.Deserialize<StoredObjective[]>(json, StoredJson) ?? []).Select(o => new ObjectiveValue(o.Output, o.Value))];

    /// <summary>A revision's changes as a JSON array of lines.</summary>
    public static string LinesToJson(IReadOnlyList<string> lines) => JsonSerializer.Serialize(lines);

    public static IReadOnlyList<string> LinesFromJson(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];

    public static string ToText<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString();

    public static TEnum ParseEnum<TEnum>(string text)
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(text, ignoreCase: false, out var value) && Enum.IsDefined(value)
            ? value
            : throw new FormatException($"'{text}' is not {Article.For(typeof(TEnum).Name)}.");

    private sealed record StoredObjective(string Output, double Value);
}
