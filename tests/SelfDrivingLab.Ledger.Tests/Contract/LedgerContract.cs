namespace SelfDrivingLab.Ledger.Tests.Contract;

/// <summary>
/// The base of the ledger contract tests: each test gets its own empty ledger from the store the derived class names
/// (<see cref="SqliteTestStore"/>, <see cref="PostgresTestStore"/>), and every test runs unchanged against each store.
/// </summary>
public abstract class LedgerContract(ILedgerTestStore store) : IAsyncLifetime
{
    protected ILedgerTestStore Store { get; } = store;

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync() => await Store.DisposeAsync();

    protected Task<ILedgerStore> OpenAsync() => Store.OpenAsync();

    protected Task<ILedgerStore> OpenReadOnlyAsync() => Store.OpenReadOnlyAsync();
}
