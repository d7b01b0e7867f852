using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Ledger.Postgres;
using SelfDrivingLab.Ledger.Postgres.Leases;

namespace SelfDrivingLab.Hosting.Campaigns;

/// <summary>
/// The first service of a host on a PostgreSQL ledger (in place of the ledger-wide writer lock): acquires the lease of every
/// campaign it runs before anything else starts, renews them every heartbeat, and releases them when the host is disposed
/// after a clean stop. A campaign leased by a live host is refused at once, naming that host, unless the host stands by: then
/// it asks again every heartbeat and takes the campaign over once the lease has expired (the campaign then resumes from the
/// ledger as after a restart). When a renewal finds the lease taken over, the book is marked lost and the host stops.
/// </summary>
internal sealed class CampaignLeaseService(
    CampaignLeaseBook book,
    PostgresLedgerLocation location,
    IReadOnlyList<string> campaigns,
    CampaignLeaseOptions options,
    bool standby,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<CampaignLeaseService> logger) : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan MinimumTimeout = TimeSpan.FromSeconds(5);
    private readonly CancellationTokenSource _stopping = new();
    private PostgresCampaignLeaseStore? _store;
    private Task? _heartbeat;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Self-fencing counts from when a renewal was sent, so a generous timeout costs no safety; a short one would fail
        // renewals and polls on a merely busy server or machine.
        var timeout = options.HeartbeatInterval > MinimumTimeout ? options.HeartbeatInterval : MinimumTimeout;
        _store = await PostgresCampaignLeaseStore.OpenAsync(location, timeout, cancellationToken).ConfigureAwait(false);
        _heartbeat = HeartbeatLoopAsync(_stopping.Token);
        foreach (var campaign in campaigns)
        {
            await AcquireAsync(_store, campaign, cancellationToken).ConfigureAwait(false);
        }
    }

    // Held until disposal: stopping services still write (the campaign is stored interrupted).
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Renews every held lease once; called every heartbeat (tests call it directly).</summary>
    internal async Task RenewOnceAsync(CancellationToken cancellationToken)
    {
        var held = book.Held;
        if (_store is null || held.Count == 0)
        {
            return;
        }

        var sentAt = time.GetTimestamp();
        IReadOnlyList<CampaignLease> renewed;
        try
        {
            renewed = await _store.RenewAsync(held, options.LeaseDuration, cancellationToken).ConfigureAwait(false);
        }
        catch (LedgerException ex)
        {
            CampaignLeaseLog.RenewalFailed(logger, ex.Message, book.SinceRenewal.TotalSeconds, book.FreshFor.TotalSeconds);
            return;
        }

        if (renewed.Count == held.Count)
        {
            book.Renewed(sentAt);
            return;
        }

        foreach (var lost in held.Except(renewed))
        {
            var holder = await TryFindHolderAsync(lost.Campaign, cancellationToken).ConfigureAwait(false);
            var reason = $"campaign '{lost.Campaign}' is now owned by {holder?.Owner ?? "another host"} (lease epoch {holder?.Epoch.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}); this host ({book.Owner}) held epoch {lost.Epoch} and lost it";
            CampaignLeaseLog.Lost(logger, lost.Campaign, reason);
            book.Remove(lost.Campaign);
            book.MarkLost(reason);
        }

        lifetime.StopApplication();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_heartbeat is not null)
        {
            await _heartbeat.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (_store is not null)
        {
            // A clean stop hands the campaigns on at once rather than after the lease expires.
            foreach (var lease in book.Held)
            {
                try
                {
                    using var bounded = new CancellationTokenSource(options.HeartbeatInterval, time);
                    if (await _store.ReleaseAsync(lease, bounded.Token).ConfigureAwait(false))
                    {
                        CampaignLeaseLog.Released(logger, lease.Campaign, lease.Epoch);
                    }
                }
                catch (Exception ex) when (ex is LedgerException or OperationCanceledException)
                {
                    CampaignLeaseLog.ReleaseFailed(logger, lease.Campaign, ex.Message);
                }
            }

            await _store.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private async Task AcquireAsync(PostgresCampaignLeaseStore store, string campaign, CancellationToken cancellationToken)
    {
        var waited = false;
        while (true)
        {
            var sentAt = time.GetTimestamp();
            CampaignLeaseAcquisition acquisition;
            try
            {
                acquisition = await store.TryAcquireAsync(campaign, book.Owner, options.LeaseDuration, cancellationToken).ConfigureAwait(false);
            }
            catch (LedgerException ex) when (waited)
            {
                // A standby outlives a server it cannot reach for a while; it asks again at the next heartbeat.
                CampaignLeaseLog.StandbyPollFailed(logger, campaign, ex.Message);
                await Task.Delay(options.HeartbeatInterval, time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (acquisition.Lease is { } lease)
            {
                book.Add(lease, sentAt);
                if (acquisition.PreviousOwner is { } previous)
                {
                    CampaignLeaseLog.TookOver(logger, campaign, previous, acquisition.SincePreviousHeartbeat?.TotalSeconds ?? 0, lease.Epoch);
                }
                else
                {
                    CampaignLeaseLog.Acquired(logger, campaign, book.Owner, lease.Epoch, options.LeaseDuration);
                }

                if (waited && !await store.HasUnfinishedCampaignAsync(campaign, cancellationToken).ConfigureAwait(false))
                {
                    throw new CampaignHostException($"campaign '{campaign}' finished under its previous host; there is nothing to take over.");
                }

                return;
            }

            if (!standby)
            {
                throw new CampaignHostException(
                    $"campaign '{campaign}' is run by another host: {acquisition.Holder}. Nothing was touched. Wait for it to finish, stop it "
                    + "(Ctrl-C or SIGTERM: it can be resumed), or run with --standby to take the campaign over when that host stops renewing its lease.")
                {
                    IsStartupFailure = true,
                };
            }

            if (!waited)
            {
                CampaignLeaseLog.StandingBy(logger, campaign, acquisition.Holder?.ToString() ?? "another host");
                waited = true;
            }

            await Task.Delay(options.HeartbeatInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task HeartbeatLoopAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.HeartbeatInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            await RenewOnceAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task<CampaignLeaseHolder?> TryFindHolderAsync(string campaign, CancellationToken cancellationToken)
    {
        try
        {
            return _store is null ? null : await _store.FindHolderAsync(campaign, cancellationToken).ConfigureAwait(false);
        }
        catch (LedgerException)
        {
            return null;
        }
    }
}
