using Npgsql;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Ledger.Sqlite;
using static SelfDrivingLab.Ledger.Postgres.Postgres.NpgsqlCommands;

namespace SelfDrivingLab.Ledger.Postgres.Postgres;

/// <summary>The ledger's queries and how their rows become records (as <see cref="LedgerReads"/> in SQLite).</summary>
internal static class PostgresReads
{
    // A ledger read without being migrated (read-only, an older schema) lacks the later columns: they read as NULL.
    private static string CampaignColumns(int version) =>
        "id, name, definition, seed, budget, status, created_at, updated_at, " + (version >= 3 ? "identity" : "NULL")
        + (version >= 5 ? ", paused_at, paused_by, pause_reason" : ", NULL, NULL, NULL");

    private static string ExperimentColumns(int version) =>
        "id, campaign_id, sequence, parameters, status, state, proposal, proposed_at, updated_at, measurements, objective, failure_reason, "
        + (version >= 3 ? "outputs, objectives" : "NULL, NULL");

    public static async Task<CampaignRecord?> FindCampaignAsync(NpgsqlConnection c, int version, CampaignId id, CancellationToken ct)
    {
        var rows = await c.QueryAsync(null, $"SELECT {CampaignColumns(version)} FROM campaigns WHERE id = @id", LedgerRows.Campaign, ct, P("id", id.Value)).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public static async Task<IReadOnlyList<CampaignRecord>> ListCampaignsAsync(NpgsqlConnection c, int version, CancellationToken ct) =>
        await c.QueryAsync(null, $"SELECT {CampaignColumns(version)} FROM campaigns ORDER BY created_at_ticks, seq", LedgerRows.Campaign, ct).ConfigureAwait(false);

    public static async Task<ExperimentRecord?> FindExperimentAsync(NpgsqlConnection c, int version, ExperimentId id, CancellationToken ct)
    {
        var rows = await c.QueryAsync(null, $"SELECT {ExperimentColumns(version)} FROM experiments WHERE id = @id", LedgerRows.Experiment, ct, P("id", id.Value)).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public static async Task<IReadOnlyList<ExperimentRecord>> GetExperimentsAsync(NpgsqlConnection c, int version, CampaignId id, CancellationToken ct) =>
        await c.QueryAsync(null, $"SELECT {ExperimentColumns(version)} FROM experiments WHERE campaign_id = @id ORDER BY sequence", LedgerRows.Experiment, ct, P("id", id.Value)).ConfigureAwait(false);

    public static async Task<IReadOnlyList<StateTransitionRecord>> GetTransitionsAsync(NpgsqlConnection c, ExperimentId id, CancellationToken ct) =>
        await c.QueryAsync(
            null,
            "SELECT experiment_id, from_state, to_state, trigger, at, detail FROM transitions WHERE experiment_id = @id ORDER BY at_ticks, id",
            r => new StateTransitionRecord(
                new ExperimentId(r.GetString(0)), r.GetString(1), r.GetString(2), r.GetString(3), LedgerValues.ParseTime(r.GetString(4)), r.NullableString(5)),
            ct,
            P("id", id.Value)).ConfigureAwait(false);

    public static async Task<IReadOnlyList<CommandRecord>> GetCommandsAsync(NpgsqlConnection c, int version, ExperimentId id, CancellationToken ct) =>
        await c.QueryAsync(
            null,
            $"SELECT id, experiment_id, instrument, step, action, parameters, sent_at, deadline, {(version >= 6 ? "site" : "NULL")} FROM commands WHERE experiment_id = @id ORDER BY sent_at_ticks, seq",
            r => new CommandRecord(
                new CommandId(r.GetString(0)),
                new ExperimentId(r.GetString(1)),
                new InstrumentId(r.GetString(2)),
                r.GetString(3),
                r.GetString(4),
                LedgerValues.FromJson(r.GetString(5)),
                LedgerValues.ParseTime(r.GetString(6)),
                LedgerValues.ParseTime(r.GetString(7)))
            {
                Site = r.NullableString(8) is { } site ? new SiteId(site) : null,
            },
            ct,
            P("id", id.Value)).ConfigureAwait(false);

    public static async Task<IReadOnlyList<InstrumentEventRecord>> GetEventsAsync(NpgsqlConnection c, CommandId id, CancellationToken ct) =>
        await c.QueryAsync(
            null,
            "SELECT command_id, instrument, kind, at, payload FROM events WHERE command_id = @id ORDER BY at_ticks, id",
            r => new InstrumentEventRecord(
                new CommandId(r.GetString(0)), new InstrumentId(r.GetString(1)), r.GetString(2), LedgerValues.ParseTime(r.GetString(3)), r.GetString(4)),
            ct,
            P("id", id.Value)).ConfigureAwait(false);

    public static async Task<DateTimeOffset?> GetLatestRecordedTimeAsync(NpgsqlConnection c, int version, CancellationToken ct)
    {
        // Ticks columns sort by instant; a campaign's status time is only kept as text (with its offset), so it is parsed.
        var sql = "SELECT max(t) FROM (SELECT max(created_at_ticks) AS t FROM campaigns UNION ALL SELECT max(at_ticks) FROM transitions " +
            "UNION ALL SELECT max(sent_at_ticks) FROM commands UNION ALL SELECT max(at_ticks) FROM events" +
            (version >= 2 ? " UNION ALL SELECT max(at_ticks) FROM instrument_status" : string.Empty) +
            (version >= 3 ? " UNION ALL SELECT max(at_ticks) FROM campaign_revisions" : string.Empty) + ") AS latest";
        var ticks = await c.ScalarAsync(null, sql, ct).ConfigureAwait(false);
        var updated = await c.QueryAsync(null, "SELECT updated_at FROM campaigns", r => LedgerValues.ParseTime(r.GetString(0)), ct).ConfigureAwait(false);
        return LedgerRows.Latest(ticks as long?, updated);
    }
}
