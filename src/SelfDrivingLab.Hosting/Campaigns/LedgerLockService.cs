using Microsoft.Extensions.Hosting;

namespace SelfDrivingLab.Hosting.Campaigns;

/// <summary>
/// The campaign host's first service on a SQLite ledger: takes the ledger's one-writer lock (the file lock,
/// <see cref="Ledger.LedgerLock"/>; a PostgreSQL ledger is leased per campaign instead, <see cref="CampaignLeaseService"/>) before
/// anything else starts — broker, ledger, instruments, the control endpoint file — so a second host on the same ledger is refused
/// before it touches anything of the first. The lock is released when the host is disposed, after the ledger is closed (the
/// container disposes services in the reverse order of their creation, and this one is created first), or when the
/// process dies.
/// </summary>
internal sealed class LedgerLockService(Func<CancellationToken, Task<IDisposable>> acquire) : IHostedService, IDisposable
{
    private IDisposable? _lock;

    public async Task StartAsync(CancellationToken cancellationToken) =>
        _lock ??= await acquire(cancellationToken).ConfigureAwait(false);

    // Held until disposal: stopping services still write (the ledger flushes, the endpoint file is deleted).
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => Interlocked.Exchange(ref _lock, null)?.Dispose();
}
