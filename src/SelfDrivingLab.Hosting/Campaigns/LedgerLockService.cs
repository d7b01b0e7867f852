using Microsoft.Extensions.Hosting;
using SelfDrivingLab.Core.Locking;
using SelfDrivingLab.Ledger;

namespace SelfDrivingLab.Hosting.Campaigns;

/// <summary>
/// The campaign host's first service: takes the ledger's one-writer lock (<see cref="LedgerLock"/>) before anything else
/// starts — broker, ledger, instruments, the control endpoint file — so a second host on the same ledger is refused before
/// it touches anything of the first. The lock is released when the host is disposed, after the ledger is closed (the
/// container disposes services in the reverse order of their creation, and this one is created first), or when the
/// process dies.
/// </summary>
internal sealed class LedgerLockService(string ledgerPath, string purpose) : IHostedService, IDisposable
{
    private ExclusiveFileLock? _lock;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _lock ??= LedgerLock.Acquire(ledgerPath, purpose);
        return Task.CompletedTask;
    }

    // Held until disposal: stopping services still write (the ledger flushes, the endpoint file is deleted).
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => Interlocked.Exchange(ref _lock, null)?.Dispose();
}
