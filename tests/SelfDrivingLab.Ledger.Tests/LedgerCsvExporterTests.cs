using System.Globalization;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;
using static SelfDrivingLab.Ledger.Tests.LedgerTestFiles;

namespace SelfDrivingLab.Ledger.Tests;

public sealed class LedgerCsvExporterTests : IAsyncLifetime, IDisposable
{
    private readonly LedgerTestFiles _files = new();
    private SqliteLedger _ledger = null!;

    public async Task InitializeAsync()
    {
        _ledger = await SqliteLedger.OpenAsync(_files.LedgerPath);
        await _ledger.CreateCampaignAsync(Campaign("c1"));
        await _ledger.CreateCampaignAsync(Campaign("c2", T0.AddDays(1)));

        await _ledger.AddExperimentAsync(Experiment("e1", 1) with { Parameters = new ParameterSet([new("theta", 0.1 + 0.2), new("solvent", "water, \"dry\"")]) });
        await _ledger.RecordResultAsync(new ExperimentId("e1"), Result(new ParameterSet([new("toughness", 1.0 / 3.0), new("theta", 9.0)]), 1.0 / 3.0), T0.AddHours(1));
        await _ledger.AddExperimentAsync(Experiment("e2", 2) with { Parameters = new ParameterSet([new("n", 6.0), new("theta", 1e-20)]) });
        await _ledger.RecordTransitionAsync(new StateTransitionRecord(new ExperimentId("e2"), "Proposed", "Failed", "fail", T0.AddHours(2), "line1\nline2"), ExperimentStatus.Failed);
        await _ledger.AddExperimentAsync(Experiment("x1", 1, "c2") with { Parameters = new ParameterSet([new("z", -2.5)]) });
    }

    public async Task DisposeAsync() => await _ledger.DisposeAsync();

    // xUnit calls this after DisposeAsync, so the file is closed before its directory is deleted.
    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task ExportAsync_OneCampaign_HeaderHasSortedUnionOfColumns()
    {
        var lines = await ExportLinesAsync(new CampaignId("c1"));

        Assert.Equal(
            "campaign,experiment,sequence,status,state,n,solvent,theta,m_theta,m_toughness,objective,o_toughness,"
                + "predicted_mean,predicted_sd,acquisition_value,strategy,surrogate,acquisition,proposed_at,updated_at,failure_reason",
            lines[0]);
    }

    [Fact]
    public async Task ExportAsync_OneCampaign_RowsQuotedRoundTrippableAndEmptyWhenMissing()
    {
        var lines = await ExportLinesAsync(new CampaignId("c1"));

        Assert.Equal(
            "c1,e1,1,Proposed,Proposed,,\"water, \"\"dry\"\"\",0.30000000000000004,9,0.3333333333333333,0.3333333333333333,0.3333333333333333,"
                + ",,,,gp,,2026-03-01T09:31:00.0000000+00:00,2026-03-01T10:30:00.0000000+00:00,",
            lines[1]);
        Assert.Equal(
            "c1,e2,2,Failed,Failed,6,,1E-20,,,,,,,,,gp,,2026-03-01T09:32:00.0000000+00:00,2026-03-01T11:30:00.0000000+00:00,\"line1\nline2\"",
            lines[2]); // the LF stays inside its quoted field; records end with CRLF
    }

    [Fact]
    public async Task ExportAsync_EveryOutputTheObjectiveVectorAndWhatTheModelSaid_HaveColumns()
    {
        await _ledger.CreateCampaignAsync(Campaign("c3", T0.AddDays(2)));
        const string proposal = """{"strategy":"model","surrogate":"gaussian-process","hyperparameters":{},"dataCount":4,"acquisition":"expected-improvement","acquisitionValue":0.25,"predictedMean":1.5,"predictedStandardDeviation":0.125}""";
        await _ledger.AddExperimentAsync(Experiment("y1", 1, "c3") with { Parameters = new ParameterSet([new("x", 1.0)]), Proposal = proposal });
        StepOutputs[] outputs = [new("print", new ParameterSet([new("sample_id", "p-1")])), new("test", new ParameterSet([new("sample_id", "t-1"), new("toughness", 2.0)]))];
        await _ledger.RecordResultAsync(new ExperimentId("y1"), new ExperimentResult(outputs, [new ObjectiveValue("toughness", 2.0)]), T0.AddDays(2).AddHours(1));

        var lines = await ExportLinesAsync(new CampaignId("c3"));

        Assert.Equal(
            "campaign,experiment,sequence,status,state,x,m_sample_id,m_toughness,m_print.sample_id,m_test.sample_id,objective,o_toughness,"
                + "predicted_mean,predicted_sd,acquisition_value,strategy,surrogate,acquisition,proposed_at,updated_at,failure_reason",
            lines[0]);
        Assert.StartsWith("c3,y1,1,Proposed,Proposed,1,t-1,2,p-1,t-1,2,2,1.5,0.125,0.25,model,gaussian-process,expected-improvement,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportAsync_UnderCommaDecimalCulture_StillUsesInvariantNumbers()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            var commaDecimals = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            commaDecimals.NumberFormat.NumberDecimalSeparator = ",";
            CultureInfo.CurrentCulture = commaDecimals;
            var lines = await ExportLinesAsync(new CampaignId("c1"));
            Assert.Contains(",0.30000000000000004,", lines[1], StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public async Task ExportAsync_AllCampaigns_RowsOfEveryCampaignWithUnionColumns()
    {
        var lines = await ExportLinesAsync(null);

        Assert.Contains(",z,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("c2,x1,1,", lines[^1], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length); // header, e1, e2, x1
    }

    [Fact]
    public async Task ExportAsync_UnknownCampaign_ThrowsNamingIt()
    {
        var ex = await Assert.ThrowsAsync<LedgerException>(() => LedgerCsvExporter.ExportAsync(_ledger, TextWriter.Null, new CampaignId("ghost")));

        Assert.Contains("'ghost'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("cr\rlf", "\"cr\rlf\"")]
    [InlineData(" padded", "\" padded\"")]
    [InlineData("", "")]
    public void Quote_Field_FollowsRfc4180(string field, string expected) =>
        Assert.Equal(expected, LedgerCsvExporter.Quote(field));

    private async Task<string[]> ExportLinesAsync(CampaignId? campaign)
    {
        await using var writer = new StringWriter(CultureInfo.InvariantCulture);
        await LedgerCsvExporter.ExportAsync(_ledger, writer, campaign);
        var text = writer.ToString();
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        return text[..^2].Split("\r\n");
    }
}
