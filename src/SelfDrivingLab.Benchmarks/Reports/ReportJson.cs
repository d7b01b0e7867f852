using System.Text;
using System.Text.Json;
using SelfDrivingLab.Benchmarks.Protocol;

namespace SelfDrivingLab.Benchmarks.Reports;

/// <summary>
/// Writes a <see cref="BenchmarkReport"/> as JSON with snake_case names:
/// <c>{"dataset":…, "candidates":…, …, "strategies": {"gp-ei": {"median_to_top1":…, "median_to_top5":…, "af80":…,
/// "top5_found":…, …}}}</c>. Counts that were not reached within the budget are <c>null</c>.
/// </summary>
public static class ReportJson
{
    /// <summary>The report as indented JSON text.</summary>
    public static string Serialize(BenchmarkReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            Write(json, report);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter json, BenchmarkReport report)
    {
        json.WriteStartObject();
        json.WriteString("dataset", report.Dataset);
        json.WriteNumber("candidates", report.Candidates);
        json.WriteNumber("budget", report.Budget);
        json.WriteNumber("initial", report.Initial);
        json.WriteNumber("seeds", report.Seeds);
        json.WriteNumber("top5_count", report.Top5Count);
        json.WriteNumber("top1_count", report.Top1Count);
        json.WriteNumber("random_expected_to_80", report.RandomExpectedTo80);
        json.WriteStartObject("strategies");
        foreach (var (name, summary) in report.Strategies)
        {
            json.WriteStartObject(name);
            WriteSummary(json, summary);
            json.WriteStartArray("campaigns");
            foreach (var trace in report.Traces[name])
            {
                json.WriteStartObject();
                json.WriteNumber("seed", trace.Seed);
                Number(json, "first_top1", trace.FirstTop1);
                Number(json, "first_top5", trace.FirstTop5);
                Number(json, "to_80", trace.ExperimentsToReach(BenchmarkSettings.GoalLevel));
                json.WriteNumber("top5_found", trace.TopFraction[^1]);
                json.WriteNumber("experiments", trace.Picks.Count);
                json.WriteBoolean("stopped_at_goal", trace.StoppedAtGoal);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter json, StrategySummary summary)
    {
        json.WriteNumber("campaigns", summary.Campaigns);
        Number(json, "median_to_top1", summary.MedianToTop1);
        WriteBand(json, "top1_band", summary.Top1Band);
        json.WriteNumber("top1_found_campaigns", summary.Top1FoundCampaigns);
        Number(json, "median_to_top5", summary.MedianToTop5);
        WriteBand(json, "top5_band", summary.Top5Band);
        Number(json, "median_to_80", summary.MedianTo80);
        WriteBand(json, "to_80_band", summary.To80Band);
        json.WriteNumber("reached_80_campaigns", summary.Reached80Campaigns);
        Number(json, "top5_found", summary.Top5Found);
        Number(json, "af80", summary.Af80);
        Number(json, "af80_empirical", summary.Af80Empirical);
        json.WriteStartArray("top_curve");
        foreach (var point in summary.Checkpoints)
        {
            json.WriteStartObject();
            json.WriteNumber("experiments", point.Experiments);
            json.WriteNumber("median_top_fraction", point.MedianTopFraction);
            json.WriteNumber("low_top_fraction", point.LowTopFraction);
            json.WriteNumber("high_top_fraction", point.HighTopFraction);
            json.WriteNumber("enhancement", point.Enhancement);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteBand(Utf8JsonWriter json, string name, Band band)
    {
        json.WriteStartArray(name);
        Value(json, band.Low);
        Value(json, band.High);
        json.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        json.WritePropertyName(name);
        Value(json, value);
    }

    private static void Value(Utf8JsonWriter json, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            json.WriteNumberValue(v);
        }
        else
        {
            json.WriteNullValue();
        }
    }
}
