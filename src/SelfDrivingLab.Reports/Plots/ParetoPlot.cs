using ScottPlot;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Reports.Data;

namespace SelfDrivingLab.Reports.Plots;

/// <summary>The first two objectives of every measured experiment, the measured Pareto front (no other experiment is at least as good in both and better in one) highlighted.</summary>
internal static class ParetoPlot
{
    public static string Save(CampaignReportData data, string directory)
    {
        var (first, second) = (data.Objectives[0], data.Objectives[1]);
        var points = data.Measured.Select(e => (X: CampaignReportData.ValueOf(e, first.Output)!.Value, Y: CampaignReportData.ValueOf(e, second.Output)!.Value)).ToList();
        var front = Front(first, second, points);
        var plot = new Plot();
        var all = plot.Add.ScatterPoints(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray());
        all.LegendText = "measured";
        all.MarkerSize = 5;
        var ordered = front.OrderBy(p => p.X).ToList();
        var line = plot.Add.Scatter(ordered.Select(p => p.X).ToArray(), ordered.Select(p => p.Y).ToArray());
        line.LegendText = $"Pareto front ({front.Count})";
        line.MarkerSize = 9;
        line.LineWidth = 2;
        plot.Title($"{data.Campaign.Name}: {first.Output} against {second.Output}");
        plot.XLabel($"{first.Output} ({Word(first)})");
        plot.YLabel($"{second.Output} ({Word(second)})");
        plot.ShowLegend();
        return PlotFiles.Save(plot, directory, "pareto.png");
    }

    /// <summary>The points no other point dominates under the two objectives.</summary>
    public static IReadOnlyList<(double X, double Y)> Front(Objective first, Objective second, IReadOnlyList<(double X, double Y)> points) =>
        [.. points.Where(p => !points.Any(q => Dominates(first, second, q, p))).Distinct()];

    private static bool Dominates(Objective first, Objective second, (double X, double Y) a, (double X, double Y) b) =>
        first.Score(a.X) >= first.Score(b.X) && second.Score(a.Y) >= second.Score(b.Y) && (first.IsBetter(a.X, b.X) || second.IsBetter(a.Y, b.Y));

    private static string Word(Objective objective) => objective.Goal switch
    {
        ObjectiveGoal.Minimize => "lower is better",
        ObjectiveGoal.Target => $"closer to {objective.Target} is better",
        _ => "higher is better",
    };
}
