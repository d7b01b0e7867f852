using System.Globalization;
using System.Net;
using System.Text;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Text;
using SelfDrivingLab.Reports.Data;
using SelfDrivingLab.Reports.Plots;

namespace SelfDrivingLab.Reports;

/// <summary>The report's page: one section per campaign with its figures, its plots and what could not be drawn. Every ledger text is HTML-encoded.</summary>
internal static class ReportHtml
{
    public static string Render(IReadOnlyList<CampaignReport> reports)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>SelfDrivingLab report</title>\n")
            .Append("<style>body{font-family:sans-serif;max-width:1000px;margin:2em auto;color:#222}table{border-collapse:collapse}")
            .Append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}img{max-width:100%;border:1px solid #eee;margin:6px 0}.note{color:#a33}</style>\n")
            .Append("</head><body>\n<h1>SelfDrivingLab report</h1>\n");
        if (reports.Count == 0)
        {
            html.Append("<p>The ledger holds no campaign.</p>\n");
        }

        foreach (var report in reports)
        {
            Section(html, report);
        }

        return html.Append("</body></html>\n").ToString();
    }

    private static void Section(StringBuilder html, CampaignReport report)
    {
        var data = report.Data;
        var c = data.Campaign;
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"{E(c.Id.Value)}\">\n<h2>{E(c.Name)}</h2>\n<table>\n");
        Row(html, "campaign", c.Id.Value);
        Row(html, "status", c.Status.ToString().ToLowerInvariant());
        Row(html, "experiments", string.Create(CultureInfo.InvariantCulture, $"{data.Experiments.Count} of {c.Budget} ({data.Experiments.Count(e => e.Status == ExperimentStatus.Completed)} completed, {data.Experiments.Count(e => e.Status == ExperimentStatus.Failed)} failed)"));
        if (data.Objectives.Count > 0 && data.Measured.Count > 0)
        {
            var objective = data.Objectives[0];
            var best = data.Measured.Aggregate((a, b) => objective.IsBetter(CampaignReportData.ValueOf(b, objective.Output)!.Value, CampaignReportData.ValueOf(a, objective.Output)!.Value) ? b : a);
            Row(html, $"best measured {objective.Output}", $"{SignificantNumber.Format(CampaignReportData.ValueOf(best, objective.Output)!.Value)} (e{best.Sequence:0000}: {Parameters(best)})");
        }

        if (report.Predictions.Count > 0)
        {
            var covered = CrossValidation.Covered(report.Predictions);
            var share = 100.0 * covered / report.Predictions.Count;
            Row(html, "model calibration", string.Create(CultureInfo.InvariantCulture, $"{covered} of {report.Predictions.Count} held-out measurements ({share:0.#} %) inside their central 90 % predictive interval"));
        }

        foreach (var (instrument, busy) in UtilizationPlot.BusyFractions(data))
        {
            Row(html, $"{instrument} busy", string.Create(CultureInfo.InvariantCulture, $"{100 * busy:0.#} % of the lab time"));
        }

        html.Append("</table>\n");
        foreach (var note in report.Notes)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{E(note)}</p>\n");
        }

        foreach (var image in report.Images)
        {
            html.Append(CultureInfo.InvariantCulture, $"<img src=\"{E(report.Directory)}/{E(image)}\" alt=\"{E(image)}\">\n");
        }

        html.Append("</section>\n");
    }

    private static string Parameters(ExperimentRecord experiment) =>
        string.Join(", ", experiment.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} = {(p.Value.IsNumber ? SignificantNumber.Format(p.Value.Number) : p.Value.Text)}"));

    private static void Row(StringBuilder html, string name, string value) =>
        html.Append(CultureInfo.InvariantCulture, $"<tr><th>{E(name)}</th><td>{E(value)}</td></tr>\n");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
