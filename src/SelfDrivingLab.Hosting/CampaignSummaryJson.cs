using System.Text.Json;
using System.Text.Json.Nodes;
using SelfDrivingLab.Workflow.Campaigns;

namespace SelfDrivingLab.Hosting;

/// <summary>
/// Writes a campaign summary as JSON: <c>experiments</c>, <c>completed</c>, <c>failed</c>, <c>best</c> (<c>parameters</c>,
/// <c>value</c>), <c>ledger</c>, <c>recommended</c> (the model's best estimate among tested experiments) and
/// <c>prior_rows</c>; with several objectives <c>best</c> and <c>recommended</c> are null and <c>pareto_front</c> (the
/// measured front: <c>experiment</c>, <c>sequence</c>, <c>parameters</c>, <c>objectives</c> by output),
/// <c>recommended_front</c> (the model-based front, with <c>predicted</c> and <c>predicted_sd</c> by output),
/// <c>hypervolume</c> and <c>reference_point</c> (by output, in measured units) report it.
/// </summary>
public static class CampaignSummaryJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The summary as a JSON object.</summary>
    public static JsonObject ToJson(CampaignSummary summary)
    {
        JsonNode? best = null;
        if (summary.Best is { } b)
        {
            best = new JsonObject
            {
                ["experiment"] = b.Id.Value,
                ["sequence"] = b.Sequence,
                ["parameters"] = JsonSerializer.SerializeToNode(b.Parameters),
                ["value"] = b.Value,
            };
        }

        JsonNode? recommended = null;
        if (summary.Recommended is { } r)
        {
            recommended = new JsonObject
            {
                ["experiment"] = r.Id.Value,
                ["sequence"] = r.Sequence,
                ["parameters"] = JsonSerializer.SerializeToNode(r.Parameters),
                ["predicted_value"] = r.PredictedValue,
                ["predicted_sd"] = r.PredictedStandardDeviation,
                ["measured_value"] = r.MeasuredValue,
                ["model"] = r.Model,
            };
        }

        var json = new JsonObject
        {
            ["campaign"] = summary.CampaignId.Value,
            ["name"] = summary.Name,
            ["status"] = summary.Status.ToString().ToLowerInvariant(),
            ["experiments"] = summary.Experiments,
            ["completed"] = summary.Completed,
            ["failed"] = summary.Failed,
            ["aborted"] = summary.Aborted,
            ["best"] = best,
            ["recommended"] = recommended,
            ["ledger"] = summary.Ledger,
            ["started_at"] = summary.StartedAt,
            ["finished_at"] = summary.FinishedAt,
            ["lab_time_hours"] = summary.LabTime.TotalHours,
            ["error"] = summary.Error,
            ["prior_rows"] = summary.PriorRows,
        };
        if (summary.ParetoFront is { } front)
        {
            json["pareto_front"] = Front(front);
            json["recommended_front"] = summary.RecommendedFront is { } recommendedFront ? Front(recommendedFront) : null;
            json["hypervolume"] = summary.Hypervolume;
            json["reference_point"] = summary.ReferencePoint is { } reference ? ByOutput(reference.Select(r => (r.Output, r.Value))) : null;
        }

        return json;
    }

    private static JsonArray Front(IReadOnlyList<ParetoExperiment> front) =>
    [
        .. front.Select(e =>
        {
            var member = new JsonObject
            {
                ["experiment"] = e.Id.Value,
                ["sequence"] = e.Sequence,
                ["parameters"] = JsonSerializer.SerializeToNode(e.Parameters),
                ["objectives"] = ByOutput(e.Measured.Select(m => (m.Output, m.Value))),
            };
            if (e.Predicted is { } predicted)
            {
                member["predicted"] = ByOutput(predicted.Select(p => (p.Output, p.Value)));
                member["predicted_sd"] = ByOutput(predicted.Select((p, j) => (p.Output, e.PredictedStandardDeviations?[j] ?? double.NaN)));
            }

            return (JsonNode)member;
        }),
    ];

    private static JsonObject ByOutput(IEnumerable<(string Output, double Value)> values)
    {
        var json = new JsonObject();
        foreach (var (output, value) in values)
        {
            json[output] = value;
        }

        return json;
    }

    /// <summary>
    /// Writes one summary as its object, or several (a facility) as <c>{"campaigns": [...]}</c>,
    /// to <paramref name="path"/> (creating its directory).
    /// </summary>
    public static Task WriteAsync(IReadOnlyList<CampaignSummary> summaries, string path, CancellationToken cancellationToken = default) =>
        summaries.Count == 1
            ? WriteAsync(summaries[0], path, cancellationToken)
            : WriteNodeAsync(new JsonObject { ["campaigns"] = new JsonArray([.. summaries.Select(s => (JsonNode)ToJson(s))]) }, path, cancellationToken);

    /// <summary>Writes the summary to <paramref name="path"/> (creating its directory).</summary>
    public static Task WriteAsync(CampaignSummary summary, string path, CancellationToken cancellationToken = default) =>
        WriteNodeAsync(ToJson(summary), path, cancellationToken);

    private static async Task WriteNodeAsync(JsonNode node, string path, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await File.WriteAllTextAsync(path, node.ToJsonString(Indented), cancellationToken).ConfigureAwait(false);
    }
}
