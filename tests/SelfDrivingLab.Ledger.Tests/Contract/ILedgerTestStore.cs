namespace SelfDrivingLab.Ledger.Tests.Contract;

/// <summary>One test's own empty ledger in one store (a SQLite file, a PostgreSQL schema), opened as often as the test needs.</summary>
public interface ILedgerTestStore : IAsyncDisposable
{
    /// <summary>Opens the test's ledger for writing (creating it the first time).</summary>
    Task<ILedgerStore> OpenAsync();

    /// <summary>Opens the test's ledger read-only.</summary>
    Task<ILedgerStore> OpenReadOnlyAsync();

    /// <summary>Runs SQL directly on the ledger's tables (the same SQL in both stores), as damage or another version's writer would.</summary>
    Task ExecuteSqlAsync(string sql);
}
