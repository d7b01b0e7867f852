using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;
using static SelfDrivingLab.Ledger.Tests.LedgerTestFiles;

namespace SelfDrivingLab.Ledger.Tests.Contract;

/// <summary>Prior data (schema 4): a campaign's earlier measurements, stored apart from its experiments.</summary>
public abstract class LedgerPriorDataContract(ILedgerTestStore store) : LedgerContract(store)
{
    private static readonly CampaignId C1 = new("c1");

    private static PriorDataRecord Row(int row, double theta, double toughness) =>
        new(row, row + 2, new ParameterSet([new("theta", theta), new("solvent", "water")]), new ParameterSet([new("toughness", toughness), new("density", 0.5)]), [new ObjectiveValue("toughness", toughness)]);

    [Fact]
    public async Task RecordPriorDataAsync_Rows_ReadBackEqualInOrderAndAreNoExperiments()
    {
        await using var ledger = await OpenAsync();
        await ledger.CreateCampaignAsync(Campaign());
        PriorDataRecord[] rows = [Row(0, 10, 1.25), Row(1, 0.1 + 0.2, 1.0 / 3.0)];

        await ledger.RecordPriorDataAsync(C1, rows);

        var read = await ledger.GetPriorDataAsync(C1);
        Assert.Equal(rows.Select(r => (r.Row, r.Line, r.Parameters, r.Outputs)), read.Select(r => (r.Row, r.Line, r.Parameters, r.Outputs)));
        Assert.Equal(rows.Select(r => r.Objectives.Single()), read.Select(r => r.Objectives.Single()));
        Assert.Empty(await ledger.GetExperimentsAsync(C1));
    }

    [Fact]
    public async Task RecordPriorDataAsync_Again_ReplacesTheRows()
    {
        await using var ledger = await OpenAsync();
        await ledger.CreateCampaignAsync(Campaign());
        await ledger.RecordPriorDataAsync(C1, [Row(0, 10, 1), Row(1, 20, 2)]);

        await ledger.RecordPriorDataAsync(C1, [Row(0, 30, 3)]);

        Assert.Equal([30.0], (await ledger.GetPriorDataAsync(C1)).Select(r => r.Parameters.GetNumber("theta")));
    }

    [Fact]
    public async Task RecordPriorDataAsync_UnknownCampaign_ThrowsNamingIt()
    {
        await using var ledger = await OpenAsync();

        var ex = await Assert.ThrowsAsync<LedgerException>(async () => await ledger.RecordPriorDataAsync(new CampaignId("nope"), [Row(0, 1, 1)]));

        Assert.Contains("'nope'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordPriorDataAsync_NotFiniteObjective_ThrowsAndStoresNothing()
    {
        await using var ledger = await OpenAsync();
        await ledger.CreateCampaignAsync(Campaign());
        await ledger.RecordPriorDataAsync(C1, [Row(0, 1, 1)]);

        PriorDataRecord[] rows = [Row(0, 2, 2), Row(1, 3, 3) with { Objectives = [new ObjectiveValue("toughness", double.NaN)] }];

        await Assert.ThrowsAsync<LedgerException>(async () => await ledger.RecordPriorDataAsync(C1, rows));

        Assert.Equal([1.0], (await ledger.GetPriorDataAsync(C1)).Select(r => r.Parameters.GetNumber("theta")));
    }

    [Fact]
    public async Task ExportAsync_IncludePrior_WritesPriorRowsFirstWithStatusPrior()
    {
        await using var ledger = await OpenAsync();
        await ledger.CreateCampaignAsync(Campaign());
        await ledger.AddExperimentAsync(Experiment("e1", 1));
        await ledger.RecordPriorDataAsync(C1, [Row(0, 10, 1.5)]);
        var without = new StringWriter();
        var with = new StringWriter();

        await LedgerCsvExporter.ExportAsync(ledger, without, C1);
        await LedgerCsvExporter.ExportAsync(ledger, with, C1, includePrior: true);

        var lines = with.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, without.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("c1,prior-1,0,Prior,prior,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",1.5,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("c1,e1,1,", lines[2], StringComparison.Ordinal);
    }
}
