using ScottPlot;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Reports.Data;

namespace SelfDrivingLab.Reports.Plots;

/// <summary>The first objective of every measured experiment by sequence, with the best so far (as the objective ranks them: a target's best is the closest).</summary>
internal static class ConvergencePlot
{
    public static string Save(CampaignReportData data, string directory)
    {
        var objective = data.Objectives[0];
        var measured = data.Measured;
        double[] xs = [.. measured.Select(e => (double)e.Sequence)];
        double[] ys = [.. measured.Select(e => CampaignReportData.ValueOf(e, objective.Output)!.Value)];
        var best = BestSoFar(objective, ys);

        var plot = new Plot();
        var points = plot.Add.ScatterPoints(xs, ys);
        points.LegendText = "measured";
        points.MarkerSize = 6;
        var line = plot.Add.ScatterLine(xs, best);
        line.ConnectStyle = ConnectStyle.StepHorizontal;
        line.LineWidth = 2;
        line.LegendText = objective.Goal == ObjectiveGoal.Target ? $"closest to {objective.Target} so far" : "best so far";
        if (objective.Goal == ObjectiveGoal.Target && objective.Target is { } target)
        {
            plot.Add.HorizontalLine(target, 1, Colors.Gray, LinePattern.Dashed);
        }

        plot.Title($"{data.Campaign.Name}: {objective.Output} by experiment");
        plot.XLabel("experiment (sequence)");
        plot.YLabel(PlotFiles.Label(data, objective.Output));
        plot.ShowLegend();
        return PlotFiles.Save(plot, directory, "convergence.png");
    }

    /// <summary>The best value up to and including each position, by <paramref name="objective"/>'s order.</summary>
    public static double[] BestSoFar(Objective objective, IReadOnlyList<double> values)
    {
        var best = new double[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            best[i] = i == 0 || objective.IsBetter(values[i], best[i - 1]) ? values[i] : best[i - 1];
        }

        return best;
    }
}
