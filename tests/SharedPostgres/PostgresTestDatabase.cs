using Npgsql;
using SelfDrivingLab.Ledger.Postgres;

namespace SelfDrivingLab.Tests.Postgres;

/// <summary>
/// A fresh PostgreSQL database for one test class (created before its first test, dropped after its last), on the
/// server named by <see cref="Variable"/>, or else on a throwaway server the test process starts itself
/// (<see cref="PostgresTestServer"/>); each test then works in a schema of its own. Linked into the test projects that need
/// PostgreSQL (the others need no Npgsql). With neither every test of the class fails saying what to install or set: a
/// PostgreSQL test that silently passes would prove nothing.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncLifetime
{
    /// <summary>The environment variable holding a connection string (or postgres:// URI) of a role that may create databases.</summary>
    public const string Variable = "SDL_TEST_POSTGRES";

    private string? _admin;

    /// <summary>The test database's connection string.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    public string Name { get; } = "sdl_test_" + Guid.NewGuid().ToString("N");

    /// <summary>The server's connection string (without a database) from <see cref="Variable"/> or the test process's own server; throws saying what is missing when there is neither.</summary>
    public static string AdminConnectionString()
    {
        var text = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            // Like the Mosquitto tests: a server of the test process's own, from the installed PostgreSQL programs.
            text = PostgresTestServer.ConnectionString;
        }

        // Parse (URI or key=value) through the product's own reader, then back to a connection string for the maintenance database.
        var location = PostgresLedgerLocation.Parse(text);
        return new NpgsqlConnectionStringBuilder(location.ConnectionString) { SearchPath = null, Pooling = false }.ConnectionString;
    }

    public async Task InitializeAsync()
    {
        _admin = AdminConnectionString();
        await using (var connection = new NpgsqlConnection(_admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {Name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(_admin) { Database = Name, Pooling = true }.ConnectionString;
    }

    /// <summary>The location of <paramref name="schema"/> in this database.</summary>
    public PostgresLedgerLocation Location(string schema) =>
        PostgresLedgerLocation.Parse(new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = schema }.ConnectionString);

    public async Task DisposeAsync()
    {
        if (_admin is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
