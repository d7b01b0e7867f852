using Npgsql;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Ledger.Postgres.Leases;
using static SelfDrivingLab.Ledger.Postgres.Postgres.NpgsqlCommands;

namespace SelfDrivingLab.Ledger.Postgres.Postgres;

/// <summary>
/// The one fencing check of every campaign write on a shared ledger: inside the write's transaction, the campaign's lease row
/// is read <c>FOR SHARE</c> and must still name this host with the epoch it acquired. The share lock makes a takeover (an
/// UPDATE of that row) wait for the write to commit, and a write that starts after a takeover sees the new epoch and is
/// refused, so a host that lost a campaign can change nothing of it (and, write-ahead, dispatch nothing).
/// </summary>
internal static class PostgresLeaseFence
{
    /// <summary>
    /// Returns the lease the write is made under, or null when the ledger is not fenced (<paramref name="book"/> null: a
    /// single-host tool). Throws <see cref="LedgerException"/>, and marks the book lost, when this host no longer holds it.
    /// </summary>
    public static async Task<CampaignLease?> CheckAsync(NpgsqlConnection c, NpgsqlTransaction tx, CampaignLeaseBook? book, FenceScope scope, CancellationToken ct)
    {
        if (book is null)
        {
            return null;
        }

        var rows = await c.QueryAsync(
            tx,
            $"SELECT campaign, owner, epoch FROM campaign_leases WHERE campaign = {scope.NameSql} FOR SHARE",
            r => new CampaignLease(r.GetString(0), r.GetString(1), r.GetInt64(2)),
            ct,
            P("fence_key", scope.Key)).ConfigureAwait(false);
        if (rows is not [var row])
        {
            var campaign = await c.ScalarAsync(tx, $"SELECT {scope.NameSql}", ct, P("fence_key", scope.Key)).ConfigureAwait(false) as string;
            if (campaign is null)
            {
                return null; // the write names nothing that exists: its own check refuses it, with its own message
            }

            throw new LedgerException($"This host ({book.Owner}) holds no lease on campaign '{campaign}'; nothing was written.");
        }

        if (book.TryGet(row.Campaign, out var mine) && mine == row)
        {
            return mine;
        }

        var reason = mine is null
            ? $"this host ({book.Owner}) holds no lease on campaign '{row.Campaign}'; {row.Owner} does (epoch {row.Epoch})"
            : $"campaign '{row.Campaign}' is now owned by {row.Owner} (lease epoch {row.Epoch}); this host ({book.Owner}) held epoch {mine.Epoch} and lost it";
        if (mine is not null)
        {
            book.MarkLost(reason);
        }

        throw new LedgerException(reason + "; nothing was written.");
    }
}
