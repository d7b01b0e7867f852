using Microsoft.Data.Sqlite;
using SelfDrivingLab.Core.Ledger;

namespace SelfDrivingLab.Ledger.Sqlite;

/// <summary>Writes and reads the audit trail of operator control requests (schema version 5).</summary>
internal static class LedgerControlRequests
{
    public static async Task RecordAsync(SqliteConnection c, SqliteTransaction tx, ControlRequestRecord r, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(r.Operator) || string.IsNullOrWhiteSpace(r.Action))
        {
            throw new LedgerException($"Control request '{r.RequestId}' names no operator or no action.");
        }

        await c.ExecuteAsync(
            tx,
            "INSERT INTO control_requests (at, at_ticks, site, request_id, client_id, identity, operator, action, target, reason, outcome, detail) "
            + "VALUES ($at, $ticks, $site, $request, $client, $identity, $operator, $action, $target, $reason, $outcome, $detail)",
            ct,
            ("$at", LedgerValues.FormatTime(r.At)),
            ("$ticks", r.At.UtcTicks),
            ("$site", r.Site),
            ("$request", r.RequestId),
            ("$client", r.ClientId),
            ("$identity", r.Identity),
            ("$operator", r.Operator),
            ("$action", r.Action),
            ("$target", r.Target),
            ("$reason", r.Reason),
            ("$outcome", LedgerValues.ToText(r.Outcome)),
            ("$detail", r.Detail)).ConfigureAwait(false);
    }

    public static async Task<IReadOnlyList<ControlRequestRecord>> GetAllAsync(SqliteConnection c, CancellationToken ct)
    {
        if (!await LedgerSchema.HasControlRequestsAsync(c, ct).ConfigureAwait(false))
        {
            return [];
        }

        return await c.QueryAsync(
            null,
            "SELECT at, site, request_id, operator, action, target, reason, outcome, detail, client_id, identity FROM control_requests ORDER BY at_ticks, id",
            r => new ControlRequestRecord(
                LedgerValues.ParseTime(r.GetString(0)),
                r.GetString(1),
                r.GetString(2),
                r.GetString(3),
                r.GetString(4),
                r.IsDBNull(5) ? null : r.GetString(5),
                r.IsDBNull(6) ? null : r.GetString(6),
                LedgerValues.ParseEnum<ControlRequestOutcome>(r.GetString(7)),
                r.GetString(8))
            {
                ClientId = r.IsDBNull(9) ? null : r.GetString(9),
                Identity = r.IsDBNull(10) ? null : r.GetString(10),
            },
            ct).ConfigureAwait(false);
    }
}
