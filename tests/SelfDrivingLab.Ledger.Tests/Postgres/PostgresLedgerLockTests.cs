using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Ledger.Postgres;
using SelfDrivingLab.Ledger.Tests.Contract;
using SelfDrivingLab.Tests.Postgres;

namespace SelfDrivingLab.Ledger.Tests.Postgres;

/// <summary>One writer per PostgreSQL ledger: the session advisory lock.</summary>
public sealed class PostgresLedgerLockTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>
{
    private readonly PostgresTestStore _store = PostgresTestStore.In(database);

    [Fact]
    public async Task AcquireAsync_HeldByAnotherWriter_ThrowsNamingTheHolder()
    {
        await using var held = await PostgresLedgerLock.AcquireAsync(_store.Location, "host A");

        var ex = await Assert.ThrowsAsync<LedgerException>(() => PostgresLedgerLock.AcquireAsync(_store.Location, "host B"));

        Assert.Contains("is in use by another writer", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"host A (pid {Environment.ProcessId}", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AcquireAsync_AfterTheHolderReleasedIt_Succeeds()
    {
        var first = await PostgresLedgerLock.AcquireAsync(_store.Location, "host A");
        await first.DisposeAsync();

        await using var second = await PostgresLedgerLock.AcquireAsync(_store.Location, "host B");
    }

    [Fact]
    public async Task AcquireAsync_AnotherSchema_IsAnotherLedger()
    {
        await using var held = await PostgresLedgerLock.AcquireAsync(_store.Location, "host A");

        await using var other = await PostgresLedgerLock.AcquireAsync(PostgresTestStore.In(database).Location, "host B");
    }

    [Fact]
    public async Task AcquireAsync_NothingListensThere_ThrowsOneLineNamingTheServer()
    {
        var location = PostgresLedgerLocation.Parse($"postgres://sdl:secret@127.0.0.1:{LoopbackPorts.Free()}/lab");

        var ex = await Assert.ThrowsAsync<LedgerException>(() => PostgresLedgerLock.AcquireAsync(location, "host A"));

        Assert.StartsWith("cannot lock the ledger 'postgres://sdl@127.0.0.1:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("cannot reach the server", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ex.Message, StringComparison.Ordinal);
    }
}
