using ScottPlot;
using SelfDrivingLab.Reports.Data;

namespace SelfDrivingLab.Reports.Plots;

/// <summary>How every report plot is sized and saved.</summary>
internal static class PlotFiles
{
    public const int Width = 800;
    public const int Height = 500;

    /// <summary>Saves <paramref name="plot"/> as <paramref name="name"/> (a PNG) in <paramref name="directory"/>; returns the file name.</summary>
    public static string Save(Plot plot, string directory, string name)
    {
        plot.SavePng(Path.Combine(directory, name), Width, Height);
        return name;
    }

    /// <summary>An axis label: the name with its unit in parentheses when the campaign declares one (<c>unit:</c>).</summary>
    public static string Label(CampaignReportData data, string name) =>
        data.Definition?.Units.TryGetValue(name, out var unit) == true ? $"{name} ({unit})" : name;
}
