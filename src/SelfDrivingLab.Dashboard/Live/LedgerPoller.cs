using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Dashboard.Snapshots;

namespace SelfDrivingLab.Dashboard.Live;

/// <summary>
/// Reads the ledger every poll interval (on the injected clock) and publishes the view to <see cref="ViewFeed"/> when it
/// changed. Tests call <see cref="PollAsync"/> directly or advance a fake clock.
/// </summary>
internal sealed class LedgerPoller(
    DashboardViewReader reader,
    ViewFeed feed,
    DashboardOptions options,
    TimeProvider time,
    ILogger<LedgerPoller> logger) : BackgroundService
{
    /// <summary>Reads the ledger once and publishes what changed; false (and a warning) when the ledger could not be read.</summary>
    public async Task<bool> PollAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await PublishAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (LedgerException ex)
        {
            Log.ReadFailed(logger, options.LedgerPath, ex.Message);
            return false;
        }
    }

    /// <summary>Reads the ledger once and publishes what changed; throws <see cref="LedgerException"/> when it cannot be read.</summary>
    public async Task PublishAsync(CancellationToken cancellationToken = default)
    {
        DashboardView view = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (feed.Publish(JsonSerializer.Serialize(view, DashboardJson.Options)) is { } version)
        {
            Log.ViewChanged(logger, version);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.PollInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await PollAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
