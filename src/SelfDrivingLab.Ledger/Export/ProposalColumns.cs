using System.Globalization;
using System.Text.Json;

namespace SelfDrivingLab.Ledger.Export;

/// <summary>
/// The export columns read from an experiment's proposal provenance (the JSON the campaign runner stores with each
/// proposal): the model's predicted mean and standard deviation of the objective's output and the acquisition value
/// at proposal time, and how the proposal was made. A field the JSON lacks (an initial-design proposal has no model),
/// or JSON that does not parse, exports as an empty field.
/// </summary>
internal static class ProposalColumns
{
    /// <summary>The column names, in order.</summary>
    public static readonly string[] Names = ["predicted_mean", "predicted_sd", "acquisition_value", "strategy", "surrogate", "acquisition"];

    private static readonly string[] Properties = ["predictedMean", "predictedStandardDeviation", "acquisitionValue", "strategy", "surrogate", "acquisition"];

    public static IEnumerable<string?> Read(string proposal)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(proposal);
        }
        catch (JsonException)
        {
            return Properties.Select(_ => (string?)null);
        }

        using (document)
        {
            return [.. Properties.Select(p => document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(p, out var value) ? Format(value) : null)];
        }
    }

    private static string? Format(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble().ToString("R", CultureInfo.InvariantCulture),
        JsonValueKind.String => value.GetString(),
        _ => null,
    };
}
