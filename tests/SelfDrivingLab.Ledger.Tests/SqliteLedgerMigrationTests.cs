using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using SelfDrivingLab.Core.Ledger;
using static SelfDrivingLab.Ledger.Tests.LedgerTestFiles;

namespace SelfDrivingLab.Ledger.Tests;

/// <summary>A real schema-2 ledger (Data/README.md) migrates to the current schema keeping every row, and reads as before when only read.</summary>
public sealed class SqliteLedgerMigrationTests : IDisposable
{
    private readonly LedgerTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task OpenAsync_Version2LedgerFile_MigratesToTheCurrentVersionKeepingEveryRow()
    {
        _files.CopyVersion2Fixture();
        var before = await CountsAsync();

        await using (var ledger = await SqliteLedger.OpenAsync(_files.LedgerPath))
        {
            Assert.Equal(7, ledger.SchemaVersion);
        }

        await using var connection = await OpenAsync();
        Assert.Equal("7", await SqliteLedgerFileTests.ScalarAsync(connection, "PRAGMA user_version;"));
        Assert.Equal(before, await CountsAsync());
        Assert.Equal("0", await SqliteLedgerFileTests.ScalarAsync(connection, "SELECT count(*) FROM campaign_revisions;"));
        Assert.Equal("0", await SqliteLedgerFileTests.ScalarAsync(connection, "SELECT count(*) FROM prior_data;"));
    }

    [Fact]
    public async Task OpenAsync_Version2LedgerFile_ObjectiveVectorFromTheOldValueNamedAfterItsOutput_OutputsAndIdentityUnknown()
    {
        _files.CopyVersion2Fixture();

        await using var ledger = await SqliteLedger.OpenAsync(_files.LedgerPath);

        var campaign = Assert.Single(await ledger.ListCampaignsAsync());
        Assert.Equal((Version2Campaign, CampaignStatus.Running, (string?)null), (campaign.Id, campaign.Status, campaign.Identity));
        var experiments = await ledger.GetExperimentsAsync(campaign.Id);
        Assert.Equal(6, experiments.Count);
        Assert.All(experiments, e =>
        {
            Assert.Equal([new ObjectiveValue("toughness", e.Objective!.Value)], e.Objectives);
            Assert.Equal(e.Objective, e.Measurements!["toughness"].Number);
            Assert.Null(e.Outputs);
        });
        Assert.Empty(await ledger.GetCampaignRevisionsAsync(campaign.Id));
    }

    [Fact]
    public async Task OpenAsync_MigratedLedger_TakesTheNewRecordsAndReadsThemBack()
    {
        _files.CopyVersion2Fixture();
        await using var ledger = await SqliteLedger.OpenAsync(_files.LedgerPath);
        var revision = new CampaignRevisionRecord(Version2Campaign, CampaignRevisionKind.FreeChanges, T0.AddYears(1), "name: x\n", "{}", 7, 12, ["budget: 6 → 12"]);

        await ledger.ReviseCampaignAsync(revision);

        var campaign = await ledger.FindCampaignAsync(Version2Campaign);
        Assert.Equal(("name: x\n", "{}", 7, 12), (campaign!.Definition, campaign.Identity, campaign.Seed, campaign.Budget));
        var stored = Assert.Single(await ledger.GetCampaignRevisionsAsync(Version2Campaign));
        Assert.Equal(revision with { Changes = stored.Changes }, stored);
        Assert.Equal(["budget: 6 → 12"], stored.Changes);
        Assert.Equal(T0.AddYears(1), await ledger.GetLatestRecordedTimeAsync());
    }

    [Fact]
    public async Task OpenReadOnlyAsync_Version2LedgerFile_ReadsWithoutTheNewColumnsAndChangesNoByte()
    {
        _files.CopyVersion2Fixture();
        var hash = SHA256.HashData(await File.ReadAllBytesAsync(_files.LedgerPath));

        await using (var ledger = await SqliteLedger.OpenReadOnlyAsync(_files.LedgerPath))
        {
            Assert.Equal(2, ledger.SchemaVersion);
            var experiments = await ledger.GetExperimentsAsync(Version2Campaign);
            Assert.Equal(6, experiments.Count);
            Assert.All(experiments, e => Assert.Null(e.Objectives));
            Assert.Null((await ledger.FindCampaignAsync(Version2Campaign))!.Identity);
            Assert.Empty(await ledger.GetCampaignRevisionsAsync(Version2Campaign));
            var export = new StringWriter();
            await LedgerCsvExporter.ExportAsync(ledger, export);
            Assert.Equal(7, export.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        }

        Assert.Equal(hash, SHA256.HashData(await File.ReadAllBytesAsync(_files.LedgerPath)));
    }

    private async Task<string> CountsAsync()
    {
        await using var connection = await OpenAsync();
        return await SqliteLedgerFileTests.ScalarAsync(
            connection,
            "SELECT (SELECT count(*) FROM campaigns) || ',' || (SELECT count(*) FROM experiments) || ',' || (SELECT count(*) FROM transitions) || ','"
            + " || (SELECT count(*) FROM commands) || ',' || (SELECT count(*) FROM events) || ',' || (SELECT count(*) FROM instrument_status)") ?? string.Empty;
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={_files.LedgerPath};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }
}
