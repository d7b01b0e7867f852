using ScottPlot;
using SelfDrivingLab.Reports.Data;

namespace SelfDrivingLab.Reports.Plots;

/// <summary>The first objective against each parameter (numbers on their axis; text values as evenly spaced labelled categories).</summary>
internal static class ParameterPlots
{
    public static IReadOnlyList<string> Save(CampaignReportData data, string directory)
    {
        var objective = data.Objectives[0];
        var measured = data.Measured;
        double[] ys = [.. measured.Select(e => CampaignReportData.ValueOf(e, objective.Output)!.Value)];
        var names = measured.SelectMany(e => e.Parameters.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var files = new List<string>();
        foreach (var (name, index) in names.Select((n, i) => (n, i)))
        {
            var values = measured.Select(e => e.Parameters.TryGetValue(name, out var v) ? v : (Core.Parameters.ParameterValue?)null).ToList();
            var plot = new Plot();
            if (values.All(v => v is { IsNumber: true }))
            {
                plot.Add.ScatterPoints([.. values.Select(v => v!.Value.Number)], ys).MarkerSize = 6;
            }
            else
            {
                var categories = values.Select(v => v?.ToString() ?? "(none)").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                double[] xs = [.. values.Select(v => (double)categories.IndexOf(v?.ToString() ?? "(none)"))];
                plot.Add.ScatterPoints(xs, ys).MarkerSize = 6;
                plot.Axes.Bottom.SetTicks([.. categories.Select((_, i) => (double)i)], [.. categories]);
            }

            plot.Title($"{objective.Output} against {name}");
            plot.XLabel(PlotFiles.Label(data, name));
            plot.YLabel(PlotFiles.Label(data, objective.Output));
            files.Add(PlotFiles.Save(plot, directory, $"parameter-{index + 1}.png"));
        }

        return files;
    }
}
