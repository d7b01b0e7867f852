using System.Globalization;
using SelfDrivingLab.Workflow.Campaigns;

namespace SelfDrivingLab.Cli.Commands;

/// <summary>Prints a finished campaign's summary.</summary>
internal static class SummaryPrinter
{
    public static void Print(TextWriter output, CampaignSummary summary, string objectiveName, TimeSpan wallTime)
    {
        output.WriteLine();
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Campaign {summary.CampaignId} {summary.Status.ToString().ToLowerInvariant()}: {summary.Experiments} experiments ({summary.Completed} completed, {summary.Failed} failed, {summary.Aborted} aborted) in {Durations.Format(summary.LabTime)} lab time, {wallTime.TotalSeconds:F1} s wall time."));
        output.WriteLine(summary.Best is { } best
            ? string.Create(CultureInfo.InvariantCulture, $"Best measured: {objectiveName} = {best.Value:G6} at {best.Parameters} (experiment {best.Id})")
            : "Best: none (no experiment completed)");
        if (summary.Recommended is { } r)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Recommended: {objectiveName} ≈ {r.PredictedValue:G4} ± {r.PredictedStandardDeviation:G2} (model estimate; measured {r.MeasuredValue:G5}) at {r.Parameters} (experiment {r.Id})"));
        }

        output.WriteLine($"Ledger: {summary.Ledger}");
    }
}
