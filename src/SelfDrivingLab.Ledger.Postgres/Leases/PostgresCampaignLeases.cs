using Npgsql;
using NpgsqlTypes;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Ledger.Postgres.Postgres;
using SelfDrivingLab.Ledger.Sqlite;
using static SelfDrivingLab.Ledger.Postgres.Postgres.NpgsqlCommands;

namespace SelfDrivingLab.Ledger.Postgres.Leases;

/// <summary>
/// The <c>campaign_leases</c> statements. Every time is the server's (<c>now()</c>), so the hosts' clocks never matter. A
/// released lease keeps its row (expired at once), so its epoch goes on growing and an old epoch can never come back.
/// </summary>
internal static class PostgresCampaignLeases
{
    // One statement: insert, or take over an expired lease with the next epoch. ON CONFLICT re-checks the WHERE on the newest
    // row version, so of two hosts racing for an expired lease exactly one gets it. The CTE reads the previous holder.
    private const string AcquireSql = """
        WITH previous AS (SELECT owner, heartbeat_at FROM campaign_leases WHERE campaign = @campaign)
        INSERT INTO campaign_leases AS l (campaign, owner, epoch, acquired_at, expires_at, heartbeat_at)
        VALUES (@campaign, @owner, 1, now(), now() + @duration, now())
        ON CONFLICT (campaign) DO UPDATE
            SET owner = excluded.owner, epoch = l.epoch + 1, acquired_at = now(), expires_at = excluded.expires_at, heartbeat_at = now()
            WHERE l.expires_at <= now()
        RETURNING l.epoch, (SELECT owner FROM previous), (SELECT now() - heartbeat_at FROM previous)
        """;

    private const string HolderSql = """
        SELECT owner, epoch, now() - heartbeat_at, expires_at - now() FROM campaign_leases WHERE campaign = @campaign
        """;

    // Renewal keeps a lease whose owner and epoch still match even when it expired meanwhile: nobody took it over, so this
    // host is still its only owner (a takeover changes the epoch, and then the renewal finds nothing).
    private const string RenewSql = """
        UPDATE campaign_leases SET expires_at = now() + @duration, heartbeat_at = now()
        WHERE campaign = @campaign AND owner = @owner AND epoch = @epoch
        """;

    private const string ReleaseSql = """
        UPDATE campaign_leases SET expires_at = now() WHERE campaign = @campaign AND owner = @owner AND epoch = @epoch
        """;

    public static async Task<CampaignLeaseAcquisition> TryAcquireAsync(NpgsqlConnection c, string campaign, string owner, TimeSpan duration, CancellationToken ct)
    {
        var taken = await c.QueryAsync(
            null,
            AcquireSql,
            r => (Epoch: r.GetInt64(0), Previous: r.NullableString(1), Since: r.IsDBNull(2) ? (TimeSpan?)null : r.GetTimeSpan(2)),
            ct,
            P("campaign", campaign),
            P("owner", owner),
            Interval("duration", duration)).ConfigureAwait(false);
        if (taken is [var row])
        {
            return new CampaignLeaseAcquisition(new CampaignLease(campaign, owner, row.Epoch), null, row.Previous, row.Since);
        }

        var holders = await c.QueryAsync(
            null,
            HolderSql,
            r => new CampaignLeaseHolder(campaign, r.GetString(0), r.GetInt64(1), r.GetTimeSpan(2), r.GetTimeSpan(3)),
            ct,
            P("campaign", campaign)).ConfigureAwait(false);

        // The holder may have released it between the two statements: report it as held for one more try.
        return new CampaignLeaseAcquisition(null, holders.Count > 0 ? holders[0] : new CampaignLeaseHolder(campaign, "another host (it just let go; try again)", 0, TimeSpan.Zero, TimeSpan.Zero), null, null);
    }

    /// <summary>Renews every lease in one transaction; returns those that were renewed (a missing one was taken over).</summary>
    public static async Task<IReadOnlyList<CampaignLease>> RenewAsync(NpgsqlConnection c, IReadOnlyCollection<CampaignLease> leases, TimeSpan duration, CancellationToken ct)
    {
        var renewed = new List<CampaignLease>(leases.Count);
        var transaction = await c.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            foreach (var lease in leases)
            {
                var rows = await c.ExecuteAsync(transaction, RenewSql, ct, P("campaign", lease.Campaign), P("owner", lease.Owner), P("epoch", lease.Epoch), Interval("duration", duration)).ConfigureAwait(false);
                if (rows == 1)
                {
                    renewed.Add(lease);
                }
            }

            await transaction.CommitAsync(ct).ConfigureAwait(false);
        }

        return renewed;
    }

    public static Task<int> ReleaseAsync(NpgsqlConnection c, CampaignLease lease, CancellationToken ct) =>
        c.ExecuteAsync(null, ReleaseSql, ct, P("campaign", lease.Campaign), P("owner", lease.Owner), P("epoch", lease.Epoch));

    public static async Task<CampaignLeaseHolder?> FindHolderAsync(NpgsqlConnection c, string campaign, CancellationToken ct)
    {
        var holders = await c.QueryAsync(
            null,
            HolderSql,
            r => new CampaignLeaseHolder(campaign, r.GetString(0), r.GetInt64(1), r.GetTimeSpan(2), r.GetTimeSpan(3)),
            ct,
            P("campaign", campaign)).ConfigureAwait(false);
        return holders.Count > 0 ? holders[0] : null;
    }

    public static Task<bool> HasUnfinishedCampaignAsync(NpgsqlConnection c, string campaign, CancellationToken ct) =>
        c.ExistsAsync(
            null,
            "SELECT 1 FROM campaigns WHERE name = @name AND status IN (@running, @interrupted)",
            ct,
            P("name", campaign),
            P("running", LedgerValues.ToText(CampaignStatus.Running)),
            P("interrupted", LedgerValues.ToText(CampaignStatus.Interrupted)));

    private static NpgsqlParameter Interval(string name, TimeSpan value) => new(name, NpgsqlDbType.Interval) { Value = value };
}
