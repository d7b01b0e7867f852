using ScottPlot;
using SelfDrivingLab.Reports.Data;

namespace SelfDrivingLab.Reports.Plots;

/// <summary>
/// Each instrument's commands over lab time, as horizontal bars from when a command was sent to its final event (a
/// command without one runs to the end of the plot), one row per instrument; the hours are since the first command.
/// </summary>
internal static class UtilizationPlot
{
    public static string Save(CampaignReportData data, string directory)
    {
        var start = data.Commands.Min(c => c.Command.SentAt);
        var end = data.Commands.Max(c => c.EndedAt ?? c.Command.SentAt);
        var instruments = data.Commands.Select(c => c.Command.Instrument.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var bars = data.Commands.Select(c => new Bar
        {
            Position = instruments.IndexOf(c.Command.Instrument.Value),
            ValueBase = (c.Command.SentAt - start).TotalHours,
            Value = ((c.EndedAt ?? end) - start).TotalHours,
            Size = 0.6,
            FillColor = c.Outcome == "completed" ? Colors.SteelBlue : Colors.OrangeRed,
        }).ToList();
        var plot = new Plot();
        var series = plot.Add.Bars(bars);
        series.Horizontal = true;
        plot.Axes.Left.SetTicks([.. instruments.Select((_, i) => (double)i)], [.. instruments]);
        plot.Title($"{data.Campaign.Name}: instrument use (blue completed, red otherwise)");
        plot.XLabel("lab time since the first command (h)");
        return PlotFiles.Save(plot, directory, "utilization.png");
    }

    /// <summary>Each instrument's busy fraction between the first command and the last final event (overlapping channels counted once).</summary>
    public static IReadOnlyList<(string Instrument, double Busy)> BusyFractions(CampaignReportData data)
    {
        if (data.Commands.Count == 0)
        {
            return [];
        }

        var start = data.Commands.Min(c => c.Command.SentAt);
        var end = data.Commands.Max(c => c.EndedAt ?? c.Command.SentAt);
        var span = (end - start).TotalSeconds;
        return [.. data.Commands.GroupBy(c => c.Command.Instrument.Value, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, span <= 0 ? 0 : Union(g.Select(c => (c.Command.SentAt, c.EndedAt ?? end))) / span))];
    }

    private static double Union(IEnumerable<(DateTimeOffset From, DateTimeOffset To)> intervals)
    {
        var total = 0.0;
        DateTimeOffset? from = null, to = null;
        foreach (var (a, b) in intervals.OrderBy(i => i.From))
        {
            if (to is { } current && a <= current)
            {
                to = b > current ? b : current;
                continue;
            }

            total += from is { } f && to is { } t ? (t - f).TotalSeconds : 0;
            (from, to) = (a, b);
        }

        return total + (from is { } last && to is { } lastEnd ? (lastEnd - last).TotalSeconds : 0);
    }
}
