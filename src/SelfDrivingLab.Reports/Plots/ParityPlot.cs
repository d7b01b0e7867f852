using System.Globalization;
using ScottPlot;
using SelfDrivingLab.Reports.Data;

namespace SelfDrivingLab.Reports.Plots;

/// <summary>Held-out predictions against measurements, each with its central 90 % predictive interval, and the line y = x.</summary>
internal static class ParityPlot
{
    public static string Save(CampaignReportData data, IReadOnlyList<CrossValidatedPrediction> predictions, string directory)
    {
        double[] measured = [.. predictions.Select(p => p.Measured)];
        double[] predicted = [.. predictions.Select(p => p.Prediction.Mean)];
        double[] half = [.. predictions.Select(p => CrossValidation.Z90 * p.Prediction.MeasurementStandardDeviation)];
        var plot = new Plot();
        plot.Add.ErrorBar(measured, predicted, half);
        plot.Add.ScatterPoints(measured, predicted).MarkerSize = 6;
        var low = Math.Min(measured.Min(), predicted.Min());
        var high = Math.Max(measured.Max(), predicted.Max());
        var diagonal = plot.Add.Line(low, low, high, high);
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.Color = Colors.Gray;
        var covered = CrossValidation.Covered(predictions);
        var method = CrossValidation.FoldsFor(predictions.Count) == predictions.Count ? "leave-one-out" : $"{CrossValidation.Folds}-fold";
        plot.Title(string.Create(CultureInfo.InvariantCulture, $"{method} predictions: {covered} of {predictions.Count} inside their 90 % interval"));
        var output = data.Objectives[0].Output;
        plot.XLabel($"measured {PlotFiles.Label(data, output)}");
        plot.YLabel($"predicted {PlotFiles.Label(data, output)}, 90 % interval");
        return PlotFiles.Save(plot, directory, "parity.png");
    }
}
