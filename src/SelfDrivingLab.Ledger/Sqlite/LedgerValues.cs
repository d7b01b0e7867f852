using System.Globalization;
using System.Text.Json;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Core.Text;

namespace SelfDrivingLab.Ledger.Sqlite;

/// <summary>How values are written to and read from ledger columns.</summary>
internal static class LedgerValues
{
    /// <summary>ISO-8601 with the original offset, e.g. <c>2026-03-01T09:30:00.0000000+00:00</c>.</summary>
    public static string FormatTime(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None);

    /// <summary>Parameter sets use Core's JSON converter (numbers round-trip exactly, text stays text).</summary>
    public static string ToJson(ParameterSet values) => JsonSerializer.Serialize(values);

    public static ParameterSet FromJson(string json) =>
        JsonSerializer.Deserialize<ParameterSet>(json) ?? throw new JsonException("A stored parameter set is null.");

    public static string ToText<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString();

    public static TEnum ParseEnum<TEnum>(string text)
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(text, ignoreCase: false, out var value) && Enum.IsDefined(value)
            ? value
            : throw new FormatException($"'{text}' is not {Article.For(typeof(TEnum).Name)}.");
}
