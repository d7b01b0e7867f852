using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Locking;

namespace SelfDrivingLab.Ledger;

/// <summary>
/// One writer per ledger: the process that writes a ledger holds an <see cref="ExclusiveFileLock"/> on
/// <c>{ledger}.lock</c> (who holds it is in <c>{ledger}.lock.json</c>), from before it opens the file until after it
/// closes it. Readers (<see cref="SqliteLedger.OpenReadOnlyAsync"/>: <c>sdl status</c>, <c>sdl export</c>,
/// <c>sdl audit</c>) never take it. Thread-safe.
/// </summary>
public static class LedgerLock
{
    /// <summary>The lock file of the ledger at <paramref name="ledgerPath"/>.</summary>
    public static string PathFor(string ledgerPath) => Path.GetFullPath(ledgerPath) + ".lock";

    /// <summary>
    /// Takes the ledger's lock for <paramref name="purpose"/> without waiting; dispose it after the ledger is closed. Throws
    /// <see cref="LedgerException"/> naming the process that writes the ledger (process id, user, host, start time) when
    /// another one does, or naming the problem when the lock cannot be taken (nothing of the ledger is touched either way).
    /// </summary>
    public static ExclusiveFileLock Acquire(string ledgerPath, string purpose)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ledgerPath);
        var fullPath = Path.GetFullPath(ledgerPath);
        try
        {
            return ExclusiveFileLock.Acquire(PathFor(fullPath), purpose);
        }
        catch (FileLockedException ex)
        {
            throw new LedgerException(
                $"the ledger '{fullPath}' is in use by another writer: {ex.HolderDescription}. One process writes a ledger at a time; nothing of it was touched. "
                + "Wait for that run to finish, stop it (Ctrl-C or SIGTERM: it can be resumed), or give another --ledger. sdl status and sdl export read it meanwhile.",
                ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new LedgerException($"cannot lock the ledger '{fullPath}' for writing ({PathFor(fullPath)}): {ex.Message}", ex);
        }
    }
}
