using SelfDrivingLab.Core.Ledger;

namespace SelfDrivingLab.Ledger.Tests;

/// <summary>The ledger's one-writer lock: refused while held (naming the holder and the ledger), taken again once released, the ledger itself untouched.</summary>
public sealed class LedgerLockTests : IDisposable
{
    private readonly LedgerTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Acquire_HeldByAnotherWriter_RefusedNamingItAndTouchingNothing()
    {
        using var first = LedgerLock.Acquire(_files.LedgerPath, "test: first writer");

        var ex = Assert.Throws<LedgerException>(() => LedgerLock.Acquire(_files.LedgerPath, "test: second writer"));

        Assert.Contains($"the ledger '{Path.GetFullPath(_files.LedgerPath)}' is in use by another writer: process {Environment.ProcessId} (", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"on host {Environment.MachineName}, started ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("test: first writer", ex.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_files.LedgerPath), "the refused writer created no ledger");
        Assert.Equal(LedgerLock.PathFor(_files.LedgerPath), first.LockPath);
    }

    [Fact]
    public void Acquire_AfterTheWriterReleasedIt_Succeeds()
    {
        LedgerLock.Acquire(_files.LedgerPath, "test: first writer").Dispose();

        using var second = LedgerLock.Acquire(_files.LedgerPath, "test: second writer");

        Assert.True(second.IsHeld);
    }
}
