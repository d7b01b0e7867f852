using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Reports.Data;
using SelfDrivingLab.Reports.Plots;

namespace SelfDrivingLab.Reports;

/// <summary>
/// Writes <c>index.html</c> with PNG plots for a ledger's campaigns: convergence, the objective against each parameter,
/// the campaign model's held-out predictions against the measurements with their 90 % intervals (parity and
/// calibration), instrument use over lab time, and the Pareto front when a campaign has several objectives. Each
/// campaign's images go in a directory named by its id. Reads the ledger only.
/// </summary>
public static class ReportWriter
{
    /// <summary>The report's page.</summary>
    public const string IndexFile = "index.html";

    /// <summary>
    /// Writes the report of <paramref name="campaign"/> (or of every campaign, oldest first, when null) into
    /// <paramref name="directory"/> (created if needed); returns the index's path. Throws <see cref="LedgerException"/>
    /// for an unknown campaign.
    /// </summary>
    public static async Task<(string Index, IReadOnlyList<CampaignReport> Campaigns)> WriteAsync(
        ILedger ledger, string directory, CampaignId? campaign = null, string? definitionFile = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        IReadOnlyList<CampaignRecord> campaigns = campaign is { } id
            ? [await ledger.FindCampaignAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new LedgerException($"Unknown campaign '{id}'.")]
            : await ledger.ListCampaignsAsync(cancellationToken).ConfigureAwait(false);
        Directory.CreateDirectory(directory);
        var reports = new List<CampaignReport>();
        foreach (var record in campaigns)
        {
            var data = await CampaignReportReader.ReadAsync(ledger, record, campaigns.Count == 1 ? definitionFile : null, cancellationToken).ConfigureAwait(false);
            reports.Add(Draw(data, directory, cancellationToken));
        }

        var index = Path.Combine(directory, IndexFile);
        await File.WriteAllTextAsync(index, ReportHtml.Render(reports), cancellationToken).ConfigureAwait(false);
        return (index, reports);
    }

    private static CampaignReport Draw(CampaignReportData data, string directory, CancellationToken cancellationToken)
    {
        var folder = data.Campaign.Id.Value;
        var path = Path.Combine(directory, folder);
        Directory.CreateDirectory(path);
        var images = new List<string>();
        var notes = new List<string>();
        IReadOnlyList<CrossValidatedPrediction> predictions = [];
        if (data.Objectives.Count == 0)
        {
            notes.Add("No objective is known for this campaign (its definition and identity cannot be read): nothing to plot.");
            return new CampaignReport(data, folder, images, predictions, notes);
        }

        if (data.Measured.Count == 0)
        {
            notes.Add("No experiment has been measured yet: no convergence, parameter or model plot.");
        }
        else
        {
            images.Add(ConvergencePlot.Save(data, path));
            images.AddRange(ParameterPlots.Save(data, path));
            if (data.Objectives.Count > 1)
            {
                images.Add(ParetoPlot.Save(data, path));
            }

            predictions = ModelPredictions(data, notes, cancellationToken);
            if (predictions.Count > 0)
            {
                images.Add(ParityPlot.Save(data, predictions, path));
            }
        }

        if (data.Commands.Count > 0)
        {
            images.Add(UtilizationPlot.Save(data, path));
        }

        return new CampaignReport(data, folder, images, predictions, notes);
    }

    private static IReadOnlyList<CrossValidatedPrediction> ModelPredictions(CampaignReportData data, List<string> notes, CancellationToken cancellationToken)
    {
        if (data.Definition is null)
        {
            notes.Add($"No model plot: {data.DefinitionProblem}.");
            return [];
        }

        if (data.Measured.Count < 3)
        {
            notes.Add("No model plot: it needs at least 3 measured experiments.");
            return [];
        }

        try
        {
            return CrossValidation.Predict(data, cancellationToken);
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or ArgumentException)
        {
            notes.Add($"No model plot: the campaign's model cannot predict ({ex.Message}).");
            return [];
        }
    }
}
