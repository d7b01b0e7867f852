using Microsoft.Data.Sqlite;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using static SelfDrivingLab.Ledger.Tests.LedgerTestFiles;

namespace SelfDrivingLab.Ledger.Tests;

/// <summary>What only the SQLite ledger has: its file's settings and the files older builds wrote (the contract is in Contract/).</summary>
public sealed class SqliteLedgerFileTests : IDisposable
{
    private static readonly SiteId Site = new("lab-a");
    private static readonly InstrumentId Printer = new("printer-1");
    private readonly LedgerTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task OpenAsync_NewFile_UsesWalFullSyncAndTheCurrentSchemaVersion()
    {
        await using (await SqliteLedger.OpenAsync(_files.LedgerPath))
        {
        }

        await using var connection = new SqliteConnection($"Data Source={_files.LedgerPath};Pooling=False");
        await connection.OpenAsync();
        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode;"));
        Assert.Equal("7", await ScalarAsync(connection, "PRAGMA user_version;"));
        Assert.Equal(
            "campaign_revisions,campaigns,commands,control_requests,events,experiments,instrument_status,prior_data,transitions",
            await ScalarAsync(connection, "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name);"));
    }

    internal static async Task<string?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task GetControlRequestsAsync_ReadOnlyLedgerOlderThanTheTable_IsEmpty()
    {
        _files.CopyVersion2Fixture();

        await using var ledger = await SqliteLedger.OpenReadOnlyAsync(_files.LedgerPath);

        Assert.Empty(await ledger.GetControlRequestsAsync());
        Assert.All(await ledger.ListCampaignsAsync(), c => Assert.Null(c.Pause));
    }

    [Fact]
    public async Task OpenAsync_Version1Ledger_MigratesToTheCurrentVersionKeepingItsRows()
    {
        await CreateVersion1LedgerAsync();

        await using (var ledger = await SqliteLedger.OpenAsync(_files.LedgerPath))
        {
            Assert.Equal(Version2Campaign, Assert.Single(await ledger.ListCampaignsAsync()).Id);
            Assert.Empty(await ledger.GetInstrumentStatusesAsync());
            await ledger.RecordInstrumentStatusAsync(new(Site, Printer, InstrumentStatusKind.Quarantined, T0, "orchestrator", "why"));
        }

        await using var connection = new SqliteConnection($"Data Source={_files.LedgerPath};Pooling=False");
        await connection.OpenAsync();
        Assert.Equal("7", await ScalarAsync(connection, "PRAGMA user_version;"));
        Assert.Equal("1", await ScalarAsync(connection, "SELECT count(*) FROM instrument_status;"));
    }

    [Fact]
    public async Task GetInstrumentStatusesAsync_Version1LedgerOpenedReadOnly_IsEmptyAndLeavesTheFileAtVersion1()
    {
        await CreateVersion1LedgerAsync();

        await using (var ledger = await SqliteLedger.OpenReadOnlyAsync(_files.LedgerPath))
        {
            Assert.Empty(await ledger.GetInstrumentStatusesAsync());
        }

        await using var connection = new SqliteConnection($"Data Source={_files.LedgerPath};Pooling=False");
        await connection.OpenAsync();
        Assert.Equal("1", await ScalarAsync(connection, "PRAGMA user_version;"));
    }

    // A ledger as the previous build wrote it: version 1, no instrument_status table.
    // Version 1 is version 2 without the instrument-level events: the schema-2 fixture, downgraded.
    private async Task CreateVersion1LedgerAsync()
    {
        _files.CopyVersion2Fixture();
        await using var connection = new SqliteConnection($"Data Source={_files.LedgerPath};Pooling=False");
        await connection.OpenAsync();
        await using var downgrade = connection.CreateCommand();
        downgrade.CommandText = "DROP TABLE instrument_status; PRAGMA user_version = 1;";
        await downgrade.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task GetPriorDataAsync_Version2LedgerReadOnly_IsEmpty()
    {
        _files.CopyVersion2Fixture();

        await using var ledger = await SqliteLedger.OpenReadOnlyAsync(_files.LedgerPath);

        Assert.Empty(await ledger.GetPriorDataAsync(new CampaignId("c1")));
    }
}
