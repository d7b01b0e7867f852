using Microsoft.Data.Sqlite;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;

namespace SelfDrivingLab.Ledger.Sqlite;

/// <summary>Writes and reads a campaign's prior data (schema version 4).</summary>
internal static class LedgerPriorData
{
    public static async Task ReplaceAsync(SqliteConnection c, SqliteTransaction tx, CampaignId campaign, IReadOnlyList<PriorDataRecord> rows, CancellationToken ct)
    {
        if (!await c.ExistsAsync(tx, "SELECT 1 FROM campaigns WHERE id = $id", ct, ("$id", campaign.Value)).ConfigureAwait(false))
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

        await c.ExecuteAsync(tx, "DELETE FROM prior_data WHERE campaign_id = $id", ct, ("$id", campaign.Value)).ConfigureAwait(false);
        foreach (var row in rows)
        {
            await c.ExecuteAsync(
                tx,
                "INSERT INTO prior_data (campaign_id, row, line, parameters, outputs, objectives) VALUES ($id, $row, $line, $parameters, $outputs, $objectives)",
                ct,
                ("$id", campaign.Value),
                ("$row", row.Row),
                ("$line", row.Line),
                ("$parameters", LedgerValues.ToJson(row.Parameters)),
                ("$outputs", LedgerValues.ToJson(row.Outputs)),
                ("$objectives", LedgerValues.ObjectivesToJson(row.Objectives))).ConfigureAwait(false);
        }
    }

    public static async Task<IReadOnlyList<PriorDataRecord>> GetAsync(SqliteConnection c, int version, CampaignId campaign, CancellationToken ct)
    {
        if (version < 4)
        {
            return [];
        }

        return await c.QueryAsync(
            null,
            "SELECT row, line, parameters, outputs, objectives FROM prior_data WHERE campaign_id = $id ORDER BY row",
            r => new PriorDataRecord(
                r.GetInt32(0),
                r.IsDBNull(1) ? null : r.GetInt32(1),
                LedgerValues.FromJson(r.GetString(2)),
                LedgerValues.FromJson(r.GetString(3)),
                LedgerValues.ObjectivesFromJson(r.GetString(4))),
            ct,
            ("$id", campaign.Value)).ConfigureAwait(false);
    }
}
