using Npgsql;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Ledger.Sqlite;
using static SelfDrivingLab.Ledger.Postgres.Postgres.NpgsqlCommands;

namespace SelfDrivingLab.Ledger.Postgres.Postgres;

/// <summary>A campaign's revisions and prior data (schema versions 3 and 4), as <see cref="LedgerCampaignRevisions"/> and <see cref="LedgerPriorData"/> in SQLite.</summary>
internal static class PostgresCampaignData
{
    public static async Task ReviseAsync(NpgsqlConnection c, NpgsqlTransaction tx, CampaignRevisionRecord r, CancellationToken ct)
    {
        if (!Enum.IsDefined(r.Kind))
        {
            throw new LedgerException($"Campaign '{r.CampaignId}': '{r.Kind}' is not a revision kind.");
        }

        var rows = await c.ExecuteAsync(
            tx,
            "UPDATE campaigns SET definition = @definition, identity = @identity, seed = @seed, budget = @budget WHERE id = @id",
            ct,
            P("id", r.CampaignId.Value),
            P("definition", r.Definition),
            P("identity", r.Identity),
            P("seed", r.Seed),
            P("budget", r.Budget)).ConfigureAwait(false);
        if (rows == 0)
        {
            throw new LedgerException($"Unknown campaign '{r.CampaignId}'.");
        }

        await c.ExecuteAsync(
            tx,
            "INSERT INTO campaign_revisions (campaign_id, kind, at, at_ticks, definition, identity, seed, budget, changes) " +
            "VALUES (@id, @kind, @at, @ticks, @definition, @identity, @seed, @budget, @changes)",
            ct,
            P("id", r.CampaignId.Value),
            P("kind", LedgerValues.ToText(r.Kind)),
            P("at", LedgerValues.FormatTime(r.At)),
            P("ticks", r.At.UtcTicks),
            P("definition", r.Definition),
            P("identity", r.Identity),
            P("seed", r.Seed),
            P("budget", r.Budget),
            P("changes", LedgerValues.LinesToJson(r.Changes))).ConfigureAwait(false);
    }

    public static async Task<IReadOnlyList<CampaignRevisionRecord>> GetRevisionsAsync(NpgsqlConnection c, int version, CampaignId id, CancellationToken ct) =>
        version < 3
            ? []
            : await c.QueryAsync(
                null,
                "SELECT campaign_id, kind, at, definition, identity, seed, budget, changes FROM campaign_revisions WHERE campaign_id = @id ORDER BY at_ticks, id",
                r => new CampaignRevisionRecord(
                    new CampaignId(r.GetString(0)),
                    LedgerValues.ParseEnum<CampaignRevisionKind>(r.GetString(1)),
                    LedgerValues.ParseTime(r.GetString(2)),
                    r.GetString(3),
                    r.GetString(4),
                    r.GetInt32(5),
                    r.GetInt32(6),
                    LedgerValues.LinesFromJson(r.GetString(7))),
                ct,
                P("id", id.Value)).ConfigureAwait(false);

    public static async Task ReplacePriorDataAsync(NpgsqlConnection c, NpgsqlTransaction tx, CampaignId campaign, IReadOnlyList<PriorDataRecord> rows, CancellationToken ct)
    {
        if (!await c.ExistsAsync(tx, "SELECT 1 FROM campaigns WHERE id = @id FOR UPDATE", ct, P("id", campaign.Value)).ConfigureAwait(false))
        {
            throw new LedgerException($"Unknown campaign '{campaign}'.");
        }

        foreach (var row in rows)
        {
            if (row.Objectives.FirstOrDefault(o => !double.IsFinite(o.Value)) is { } bad)
            {
                throw new LedgerException($"Campaign '{campaign}' prior row {row.Row}: objective must be a finite number (got {bad.Value} for '{bad.Output}').");
            }
        }

        await c.ExecuteAsync(tx, "DELETE FROM prior_data WHERE campaign_id = @id", ct, P("id", campaign.Value)).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return;
        }

        // One statement for every row (arrays unnested in order): a large prior data set is one round trip, not one per row.
        await c.ExecuteAsync(
            tx,
            "INSERT INTO prior_data (campaign_id, \"row\", line, parameters, outputs, objectives) " +
            "SELECT @id, r, l, p, o, v FROM unnest(@rows, @lines, @parameters, @outputs, @objectives) AS t(r, l, p, o, v)",
            ct,
            P("id", campaign.Value),
            new NpgsqlParameter("rows", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Integer) { Value = rows.Select(r => r.Row).ToArray() },
            new NpgsqlParameter("lines", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Integer) { Value = rows.Select(r => r.Line).ToArray() },
            new NpgsqlParameter("parameters", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) { Value = rows.Select(r => LedgerValues.ToJson(r.Parameters)).ToArray() },
            new NpgsqlParameter("outputs", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) { Value = rows.Select(r => LedgerValues.ToJson(r.Outputs)).ToArray() },
            new NpgsqlParameter("objectives", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) { Value = rows.Select(r => LedgerValues.ObjectivesToJson(r.Objectives)).ToArray() }).ConfigureAwait(false);
    }

    public static async Task<IReadOnlyList<PriorDataRecord>> GetPriorDataAsync(NpgsqlConnection c, int version, CampaignId campaign, CancellationToken ct) =>
        version < 4
            ? []
            : await c.QueryAsync(
                null,
                "SELECT \"row\", line, parameters, outputs, objectives FROM prior_data WHERE campaign_id = @id ORDER BY \"row\"",
                r => new PriorDataRecord(
                    r.GetInt32(0),
                    r.IsDBNull(1) ? null : r.GetInt32(1),
                    LedgerValues.FromJson(r.GetString(2)),
                    LedgerValues.FromJson(r.GetString(3)),
                    LedgerValues.ObjectivesFromJson(r.GetString(4))),
                ct,
                P("id", campaign.Value)).ConfigureAwait(false);
}
