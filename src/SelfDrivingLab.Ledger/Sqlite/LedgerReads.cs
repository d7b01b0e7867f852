using Microsoft.Data.Sqlite;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;

namespace SelfDrivingLab.Ledger.Sqlite;

/// <summary>The ledger's queries and how their rows become records.</summary>
internal static class LedgerReads
{
    // A ledger read without being migrated (read-only, an older schema) lacks the version 3 columns: they read as NULL.
    private static string CampaignColumns(int version) =>
        "id, name, definition, seed, budget, status, created_at, updated_at, " + (version >= 3 ? "identity" : "NULL")
        + (version >= 5 ? ", paused_at, paused_by, pause_reason" : ", NULL, NULL, NULL");

    private static string ExperimentColumns(int version) =>
        "id, campaign_id, sequence, parameters, status, state, proposal, proposed_at, updated_at, measurements, objective, failure_reason, "
        + (version >= 3 ? "outputs, objectives" : "NULL, NULL");

    public static async Task<CampaignRecord?> FindCampaignAsync(SqliteConnection connection, int version, CampaignId id, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync(null, $"SELECT {CampaignColumns(version)} FROM campaigns WHERE id = $id", LedgerRows.Campaign, cancellationToken, ("$id", id.Value)).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public static async Task<IReadOnlyList<CampaignRecord>> ListCampaignsAsync(SqliteConnection connection, int version, CancellationToken cancellationToken) =>
        await connection.QueryAsync(null, $"SELECT {CampaignColumns(version)} FROM campaigns ORDER BY created_at_ticks, rowid", LedgerRows.Campaign, cancellationToken).ConfigureAwait(false);

    public static async Task<ExperimentRecord?> FindExperimentAsync(SqliteConnection connection, int version, ExperimentId id, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync(null, $"SELECT {ExperimentColumns(version)} FROM experiments WHERE id = $id", LedgerRows.Experiment, cancellationToken, ("$id", id.Value)).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public static async Task<IReadOnlyList<ExperimentRecord>> GetExperimentsAsync(SqliteConnection connection, int version, CampaignId id, CancellationToken cancellationToken) =>
        await connection.QueryAsync(null, $"SELECT {ExperimentColumns(version)} FROM experiments WHERE campaign_id = $id ORDER BY sequence", LedgerRows.Experiment, cancellationToken, ("$id", id.Value)).ConfigureAwait(false);

    public static async Task<IReadOnlyList<StateTransitionRecord>> GetTransitionsAsync(SqliteConnection connection, ExperimentId id, CancellationToken cancellationToken) =>
        await connection.QueryAsync(
            null,
            "SELECT experiment_id, from_state, to_state, trigger, at, detail FROM transitions WHERE experiment_id = $id ORDER BY at_ticks, id",
            r => new StateTransitionRecord(
                new ExperimentId(r.GetString(0)), r.GetString(1), r.GetString(2), r.GetString(3), LedgerValues.ParseTime(r.GetString(4)), LedgerRows.NullableString(r, 5)),
            cancellationToken,
            ("$id", id.Value)).ConfigureAwait(false);

    public static async Task<IReadOnlyList<CommandRecord>> GetCommandsAsync(SqliteConnection connection, int version, ExperimentId id, CancellationToken cancellationToken) =>
        await connection.QueryAsync(
            null,
            $"SELECT id, experiment_id, instrument, step, action, parameters, sent_at, deadline, {(version >= 6 ? "site" : "NULL")} FROM commands WHERE experiment_id = $id ORDER BY sent_at_ticks, rowid",
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
                Site = r.IsDBNull(8) ? null : new SiteId(r.GetString(8)),
            },
            cancellationToken,
            ("$id", id.Value)).ConfigureAwait(false);

    public static async Task<IReadOnlyList<InstrumentEventRecord>> GetEventsAsync(SqliteConnection connection, CommandId id, CancellationToken cancellationToken) =>
        await connection.QueryAsync(
            null,
            "SELECT command_id, instrument, kind, at, payload FROM events WHERE command_id = $id ORDER BY at_ticks, id",
            r => new InstrumentEventRecord(
                new CommandId(r.GetString(0)), new InstrumentId(r.GetString(1)), r.GetString(2), LedgerValues.ParseTime(r.GetString(3)), r.GetString(4)),
            cancellationToken,
            ("$id", id.Value)).ConfigureAwait(false);

    public static async Task<DateTimeOffset?> GetLatestRecordedTimeAsync(SqliteConnection connection, int version, CancellationToken cancellationToken)
    {
        // Ticks columns sort by instant; a campaign's status time is only kept as text (with its offset), so it is parsed.
        var sql = "SELECT max(t) FROM (SELECT max(created_at_ticks) AS t FROM campaigns UNION ALL SELECT max(at_ticks) FROM transitions " +
            "UNION ALL SELECT max(sent_at_ticks) FROM commands UNION ALL SELECT max(at_ticks) FROM events" +
            (await LedgerSchema.HasInstrumentStatusAsync(connection, cancellationToken).ConfigureAwait(false) ? " UNION ALL SELECT max(at_ticks) FROM instrument_status" : string.Empty) +
            (version >= 3 ? " UNION ALL SELECT max(at_ticks) FROM campaign_revisions)" : ")");
        var ticks = await connection.QueryAsync(null, sql, r => r.IsDBNull(0) ? (long?)null : r.GetInt64(0), cancellationToken).ConfigureAwait(false);
        var updated = await connection.QueryAsync(null, "SELECT updated_at FROM campaigns", r => LedgerValues.ParseTime(r.GetString(0)), cancellationToken).ConfigureAwait(false);
        return LedgerRows.Latest(ticks[0], updated);
    }
}
