using Npgsql;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Ledger.Postgres;
using SelfDrivingLab.Ledger.Postgres.Postgres;
using SelfDrivingLab.Ledger.Tests.Contract;
using static SelfDrivingLab.Ledger.Tests.LedgerTestFiles;
using SelfDrivingLab.Tests.Postgres;

namespace SelfDrivingLab.Ledger.Tests.Postgres;

/// <summary>The PostgreSQL ledger's own schema: created fresh, upgraded from an older version, and what it refuses.</summary>
public sealed class PostgresLedgerSchemaTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>
{
    private readonly PostgresTestStore _store = PostgresTestStore.In(database);

    [Fact]
    public async Task OpenAsync_EmptySchema_CreatesEveryTableAtTheCurrentVersion()
    {
        await using (var ledger = await PostgresLedger.OpenAsync(_store.Location))
        {
            Assert.Equal((7, 0), (ledger.SchemaVersion, ledger.FoundVersion));
        }

        Assert.Equal(
            "campaign_leases,campaign_revisions,campaigns,commands,control_requests,events,experiments,instrument_status,prior_data,schema_version,transitions",
            await ScalarAsync($"SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables WHERE table_schema = '{_store.Location.Schema}'"));
        Assert.Equal("SelfDrivingLab ledger 7", await ScalarAsync("SELECT application || ' ' || version FROM schema_version"));
    }

    [Fact]
    public async Task OpenAsync_Version2Schema_UpgradesKeepingRowsAndBackfillsObjectiveVectors()
    {
        await MigrateToAsync(2);
        await _store.ExecuteSqlAsync("""
            INSERT INTO campaigns (id, name, definition, seed, budget, status, created_at, created_at_ticks, updated_at)
                VALUES ('c1', 'Quickstart', 'name: c1', 42, 4, 'Running', '2026-03-01T09:30:00.0000000+00:00', 639079218000000000, '2026-03-01T09:30:00.0000000+00:00');
            INSERT INTO experiments (id, campaign_id, sequence, parameters, status, state, proposal, proposed_at, updated_at, measurements, objective)
                VALUES ('e1', 'c1', 1, '{"n":6}', 'Completed', 'Completed', '{}', '2026-03-01T09:31:00.0000000+00:00', '2026-03-01T09:40:00.0000000+00:00', '{"toughness":1.5,"mass":2}', 1.5);
            """);

        await using var ledger = await PostgresLedger.OpenAsync(_store.Location);

        Assert.Equal("7", await ScalarAsync("SELECT version FROM schema_version"));
        Assert.Equal((7, 2), (ledger.SchemaVersion, ledger.FoundVersion));
        var experiment = await ledger.FindExperimentAsync(new ExperimentId("e1"));
        Assert.Equal([new ObjectiveValue("toughness", 1.5)], experiment!.Objectives);
        Assert.Null(experiment.Outputs);
        Assert.Null((await ledger.FindCampaignAsync(new CampaignId("c1")))!.Pause);
        await ledger.RecordControlRequestAsync(new ControlRequestRecord(T0, "lab", "r1", "alice", "pause", "c1", null, ControlRequestOutcome.Accepted, "paused"));
        Assert.Single(await ledger.GetControlRequestsAsync());
    }

    [Fact]
    public async Task OpenReadOnlyAsync_Version2Schema_ReadsWithoutMigratingAndRefusesWrites()
    {
        await MigrateToAsync(2);

        await using (var ledger = await PostgresLedger.OpenReadOnlyAsync(_store.Location))
        {
            Assert.Equal(2, ledger.SchemaVersion);
            Assert.Empty(await ledger.ListCampaignsAsync());
            Assert.Empty(await ledger.GetControlRequestsAsync());
            Assert.Empty(await ledger.GetPriorDataAsync(new CampaignId("c1")));
            var ex = await Assert.ThrowsAsync<LedgerException>(async () => await ledger.CreateCampaignAsync(Campaign()));
            Assert.Contains("is open read-only", ex.Message, StringComparison.Ordinal);
        }

        Assert.Equal("2", await ScalarAsync("SELECT version FROM schema_version"));
    }

    [Fact]
    public async Task OpenAsync_SchemaOfSomethingElse_IsRefusedAndLeftAlone()
    {
        await _store.ExecuteSqlAsync($"CREATE SCHEMA {_store.Location.Schema}; CREATE TABLE {_store.Location.Schema}.invoices (id int)");

        var ex = await Assert.ThrowsAsync<LedgerException>(() => PostgresLedger.OpenAsync(_store.Location));

        Assert.Contains("not a SelfDrivingLab ledger", ex.Message, StringComparison.Ordinal);
        Assert.Equal("invoices", await ScalarAsync($"SELECT string_agg(table_name, ',') FROM information_schema.tables WHERE table_schema = '{_store.Location.Schema}'"));
    }

    [Fact]
    public async Task OpenAsync_NewerSchemaVersion_IsRefusedNamingBothVersions()
    {
        await MigrateToAsync(7);
        await _store.ExecuteSqlAsync("UPDATE schema_version SET version = 8");

        var ex = await Assert.ThrowsAsync<LedgerException>(() => PostgresLedger.OpenAsync(_store.Location));

        Assert.Contains("schema version 8, newer than this build understands (7)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenReadOnlyAsync_NoLedgerThere_IsRefusedWithoutCreatingIt()
    {
        var ex = await Assert.ThrowsAsync<LedgerException>(() => PostgresLedger.OpenReadOnlyAsync(_store.Location));

        Assert.Contains("not a ledger", ex.Message, StringComparison.Ordinal);
        Assert.Equal("0", await ScalarAsync($"SELECT count(*) FROM information_schema.schemata WHERE schema_name = '{_store.Location.Schema}'"));
    }

    [Fact]
    public async Task OpenAsync_TwoOpenersAtOnce_BothSucceedOnOneSchema()
    {
        var first = PostgresLedger.OpenAsync(_store.Location);
        var second = PostgresLedger.OpenAsync(_store.Location);

        await using var a = await first;
        await using var b = await second;

        await a.CreateCampaignAsync(Campaign());
        Assert.Equal(Campaign(), await b.FindCampaignAsync(new CampaignId("c1")));
    }

    private async Task MigrateToAsync(int version)
    {
        await using var connection = new NpgsqlConnection(_store.Location.ConnectionString);
        await connection.OpenAsync();
        await PostgresSchema.EnsureAsync(connection, _store.Location, CancellationToken.None, version);
    }

    private async Task<string?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_store.Location.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
