using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SelfDrivingLab.Ledger.Hosting;

/// <summary>Opens (creating or migrating) the ledger when the host starts, so a bad ledger file stops the start.</summary>
internal sealed class LedgerInitializer(DeferredLedger ledger, ILogger<LedgerInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var opened = await ledger.GetAsync(cancellationToken).ConfigureAwait(false);
        Log.LedgerOpened(logger, opened.Location);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
