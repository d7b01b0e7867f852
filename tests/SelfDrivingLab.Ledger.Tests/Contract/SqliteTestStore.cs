using Microsoft.Data.Sqlite;

namespace SelfDrivingLab.Ledger.Tests.Contract;

/// <summary>A ledger file in a private temporary directory, deleted afterwards.</summary>
public sealed class SqliteTestStore : ILedgerTestStore
{
    private readonly LedgerTestFiles _files = new();

    public Task<ILedgerStore> OpenAsync() => Open(SqliteLedger.OpenAsync(_files.LedgerPath));

    public Task<ILedgerStore> OpenReadOnlyAsync() => Open(SqliteLedger.OpenReadOnlyAsync(_files.LedgerPath));

    public async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_files.LedgerPath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync()
    {
        _files.Dispose();
        return ValueTask.CompletedTask;
    }

    private static async Task<ILedgerStore> Open(Task<SqliteLedger> opening) => await opening;
}
