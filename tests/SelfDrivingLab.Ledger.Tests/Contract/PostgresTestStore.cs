using Npgsql;
using SelfDrivingLab.Ledger.Postgres;
using SelfDrivingLab.Tests.Postgres;

namespace SelfDrivingLab.Ledger.Tests.Contract;

/// <summary>A test's own schema in its class's <see cref="PostgresTestDatabase"/> (which drops it with the database).</summary>
public sealed class PostgresTestStore(PostgresTestDatabase database, string schema) : ILedgerTestStore
{
    public PostgresLedgerLocation Location => database.Location(schema);

    /// <summary>A new empty schema's store in <paramref name="database"/>.</summary>
    public static PostgresTestStore In(PostgresTestDatabase database) => new(database, "t_" + Guid.NewGuid().ToString("N"));

    public async Task<ILedgerStore> OpenAsync() => await PostgresLedger.OpenAsync(Location);

    public async Task<ILedgerStore> OpenReadOnlyAsync() => await PostgresLedger.OpenReadOnlyAsync(Location);

    public async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { SearchPath = schema, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
