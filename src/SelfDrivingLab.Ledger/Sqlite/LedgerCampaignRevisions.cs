using Microsoft.Data.Sqlite;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;

namespace SelfDrivingLab.Ledger.Sqlite;

/// <summary>Writes and reads campaign revisions (schema version 3): a campaign resumed under a changed definition.</summary>
internal static class LedgerCampaignRevisions
{
    public static async Task ReviseAsync(SqliteConnection c, SqliteTransaction tx, CampaignRevisionRecord r, CancellationToken ct)
    {
        if (!Enum.IsDefined(r.Kind))
        {
            throw new LedgerException($"Campaign '{r.CampaignId}': '{r.Kind}' is not a revision kind.");
        }

        var rows = await c.ExecuteAsync(
            tx,
            "UPDATE campaigns SET definition = $definition, identity = $identity, seed = $seed, budget = $budget WHERE id = $id",
            ct,
            ("$id", r.CampaignId.Value),
            ("$definition", r.Definition),
            ("$identity", r.Identity),
            ("$seed", r.Seed),
            ("$budget", r.Budget)).ConfigureAwait(false);
        if (rows == 0)
        {
            throw new LedgerException($"Unknown campaign '{r.CampaignId}'.");
        }

        await c.ExecuteAsync(
            tx,
            "INSERT INTO campaign_revisions (campaign_id, kind, at, at_ticks, definition, identity, seed, budget, changes) " +
            "VALUES ($id, $kind, $at, $ticks, $definition, $identity, $seed, $budget, $changes)",
            ct,
            ("$id", r.CampaignId.Value),
            ("$kind", LedgerValues.ToText(r.Kind)),
            ("$at", LedgerValues.FormatTime(r.At)),
            ("$ticks", r.At.UtcTicks),
            ("$definition", r.Definition),
            ("$identity", r.Identity),
            ("$seed", r.Seed),
            ("$budget", r.Budget),
            ("$changes", LedgerValues.LinesToJson(r.Changes))).ConfigureAwait(false);
    }

    public static async Task<IReadOnlyList<CampaignRevisionRecord>> GetAsync(SqliteConnection c, int version, CampaignId id, CancellationToken ct)
    {
        if (version < 3)
        {
            return [];
        }

        return await c.QueryAsync(
            null,
            "SELECT campaign_id, kind, at, definition, identity, seed, budget, changes FROM campaign_revisions WHERE campaign_id = $id ORDER BY at_ticks, id",
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
            ("$id", id.Value)).ConfigureAwait(false);
    }
}
