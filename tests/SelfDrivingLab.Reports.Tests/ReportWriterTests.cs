using SelfDrivingLab.Campaigns;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Hosting;
using SelfDrivingLab.Ledger;
using SelfDrivingLab.Reports.Data;
using SelfDrivingLab.Reports.Plots;

namespace SelfDrivingLab.Reports.Tests;

[Collection(VirtualClockCollection.Name)]
public sealed class ReportWriterTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task WriteAsync_QuickstartLedger_DrawsEveryPlotWithLeaveOneOutPredictionsOfEveryMeasurement()
    {
        var quickstart = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
        var definition = quickstart with { Budget = 12, Proposer = quickstart.Proposer with { InitialCount = 6, Restarts = 1 } };
        var summary = await CampaignHost.RunAsync(new CampaignHostSettings(definition) { LedgerPath = _dir.File("ledger.db") });
        await using var ledger = await SqliteLedger.OpenReadOnlyAsync(_dir.File("ledger.db"));

        // From another directory than the campaign file's: the stored definition is read without its simulators.
        var (index, reports) = await ReportWriter.WriteAsync(ledger, _dir.File("report"));

        var report = Assert.Single(reports);
        Assert.Empty(report.Notes);
        Assert.Equal(summary.Completed, report.Data.Measured.Count);
        Assert.Equal(["convergence.png", "parameter-1.png", "parameter-2.png", "parameter-3.png", "parameter-4.png", "parity.png", "utilization.png"], report.Images);
        foreach (var image in report.Images)
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(_dir.File("report"), report.Directory, image));
            Assert.Equal(PngSignature, bytes[..8]);
        }

        // Leave-one-out: every measured experiment predicted once, from the others, with a positive predictive sd.
        Assert.Equal(report.Data.Measured.Select(e => e.Id), report.Predictions.Select(p => p.Experiment.Id));
        Assert.All(report.Predictions, p => Assert.True(p.Prediction.MeasurementStandardDeviation > 0));
        Assert.All(report.Predictions, p => Assert.Equal(CampaignReportData.ValueOf(p.Experiment, "toughness"), p.Measured));
        var html = await File.ReadAllTextAsync(index);
        Assert.Contains($"<section id=\"{summary.CampaignId}\">", html, StringComparison.Ordinal);
        Assert.Contains($"of {report.Predictions.Count} held-out measurements", html, StringComparison.Ordinal);
        Assert.Contains($"src=\"{summary.CampaignId}/parity.png\"", html, StringComparison.Ordinal);
        Assert.Contains("printer-1 busy", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_TwoObjectives_AddsTheParetoFront()
    {
        var definition = CampaignLoader.LoadFile(RepositoryPaths.Workflow("pareto-barrel.yaml"));
        definition = definition with { Budget = 8, Proposer = definition.Proposer with { InitialCount = 8 } };
        await CampaignHost.RunAsync(new CampaignHostSettings(definition) { LedgerPath = _dir.File("ledger.db") });
        await using var ledger = await SqliteLedger.OpenReadOnlyAsync(_dir.File("ledger.db"));

        var (_, reports) = await ReportWriter.WriteAsync(ledger, _dir.File("report"));

        Assert.Contains("pareto.png", Assert.Single(reports).Images);
    }

    [Fact]
    public async Task WriteAsync_DefinitionFileOfAnotherCampaign_SkipsTheModelPlotNamingWhy()
    {
        var quickstart = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
        await CampaignHost.RunAsync(new CampaignHostSettings(quickstart with { Budget = 4 }) { LedgerPath = _dir.File("ledger.db") });
        await using var ledger = await SqliteLedger.OpenReadOnlyAsync(_dir.File("ledger.db"));

        var (_, reports) = await ReportWriter.WriteAsync(ledger, _dir.File("report"), definitionFile: RepositoryPaths.Workflow("pareto-barrel.yaml"));

        var report = Assert.Single(reports);
        Assert.DoesNotContain("parity.png", report.Images);
        Assert.Contains(report.Notes, n => n.Contains("not 'crossed-barrel-quickstart'", StringComparison.Ordinal));
        Assert.Contains("convergence.png", report.Images);
    }

    [Fact]
    public async Task WriteAsync_UnknownCampaign_ThrowsLedgerException()
    {
        var quickstart = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
        await CampaignHost.RunAsync(new CampaignHostSettings(quickstart with { Budget = 2 }) { LedgerPath = _dir.File("ledger.db") });
        await using var ledger = await SqliteLedger.OpenReadOnlyAsync(_dir.File("ledger.db"));

        await Assert.ThrowsAsync<LedgerException>(() => ReportWriter.WriteAsync(ledger, _dir.File("report"), new Core.Ids.CampaignId("nope")));
    }
}
