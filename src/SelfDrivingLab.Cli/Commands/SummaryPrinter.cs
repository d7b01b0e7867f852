using System.Globalization;
using SelfDrivingLab.Core.Text;
using SelfDrivingLab.Workflow.Campaigns;

namespace SelfDrivingLab.Cli.Commands;

/// <summary>Prints a finished campaign's summary.</summary>
internal static class SummaryPrinter
{
    public static void Print(TextWriter output, CampaignSummary summary, Campaigns.Definitions.CampaignDefinition campaign, TimeSpan wallTime)
    {
        var objectiveName = campaign.Objective.Output;
        var units = campaign.Units;
        output.WriteLine();
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Campaign {summary.CampaignId} {summary.Status.ToString().ToLowerInvariant()}: {summary.Experiments} experiments ({summary.Completed} completed, {summary.Failed} failed, {summary.Aborted} aborted) in {Durations.Format(summary.LabTime)} lab time, {wallTime.TotalSeconds:F1} s wall time."));
        if (summary.PriorRows > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Prior data: {summary.PriorRows} earlier measurements trained the model (not counted as experiments)."));
        }

        if (summary.ParetoFront is { } front)
        {
            PrintFronts(output, summary, front, units);
            output.WriteLine($"Ledger: {summary.Ledger}");
            return;
        }

        output.WriteLine(summary.Best is { } best
            ? $"Best measured: {objectiveName} = {QuantityText.Format(best.Value, objectiveName, units)} at {QuantityText.Format(best.Parameters, units)} (experiment {best.Id})"
            : "Best: none (no experiment completed)");
        if (summary.Recommended is { } r)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Recommended: {objectiveName} ≈ {QuantityText.Format(r.PredictedValue, objectiveName, units)} ± {SignificantNumber.Format(r.PredictedStandardDeviation, 2)} (model estimate; measured {SignificantNumber.Format(r.MeasuredValue)}) at {QuantityText.Format(r.Parameters, units)} (experiment {r.Id})"));
        }

        output.WriteLine($"Ledger: {summary.Ledger}");
    }

    /// <summary>The measured Pareto front with its hypervolume, then the model-based front, one design per line.</summary>
    private static void PrintFronts(TextWriter output, CampaignSummary summary, IReadOnlyList<ParetoExperiment> front, IReadOnlyDictionary<string, string> units)
    {
        var c = CultureInfo.InvariantCulture;
        var reference = summary.ReferencePoint is { } r ? string.Join(", ", r.Select(v => string.Create(c, $"{v.Output} {v.Value:G4}"))) : "-";
        output.WriteLine(front.Count == 0
            ? "Pareto front: none (no completed experiment meets every threshold)"
            : string.Create(c, $"Pareto front (measured): {front.Count} experiments, hypervolume {summary.Hypervolume:G5} above the reference point ({reference}):"));
        foreach (var e in front)
        {
            output.WriteLine(string.Create(c, $"  e{e.Sequence:0000}  {Values(e.Measured, units)}  at {QuantityText.Format(e.Parameters, units)}"));
        }

        if (summary.RecommendedFront is { } recommended)
        {
            output.WriteLine(string.Create(c, $"Recommended front (model estimates of tested designs): {recommended.Count} experiments:"));
            foreach (var e in recommended)
            {
                var predicted = e.Predicted is { } p
                    ? string.Join(", ", p.Select((v, j) => $"{v.Output} ≈ {QuantityText.Format(v.Value, v.Output, units)}{(e.PredictedStandardDeviations is { } sd ? " ± " + SignificantNumber.Format(sd[j], 2) : string.Empty)}"))
                    : string.Empty;
                output.WriteLine(string.Create(c, $"  e{e.Sequence:0000}  {predicted} (measured {Values(e.Measured, units)})  at {QuantityText.Format(e.Parameters, units)}"));
            }
        }
    }

    private static string Values(IEnumerable<Core.Ledger.ObjectiveValue> values, IReadOnlyDictionary<string, string> units) =>
        string.Join(", ", values.Select(v => $"{v.Output} = {QuantityText.Format(v.Value, v.Output, units)}"));
}
