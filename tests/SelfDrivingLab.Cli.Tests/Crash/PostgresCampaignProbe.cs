using Npgsql;
using SelfDrivingLab.Tests.Postgres;

namespace SelfDrivingLab.Cli.Tests.Crash;

/// <summary>
/// What the process tests read of a campaign on the PostgreSQL test database, in schema <paramref name="schema"/>, while its
/// hosts run: the <c>postgres://</c> URI to give <c>sdl run</c>, progress, and each command's lease owner and epoch.
/// </summary>
internal sealed class PostgresCampaignProbe(PostgresTestDatabase database, string schema)
{
    public string Schema => schema;

    /// <summary>The <c>--ledger</c> URI of the schema; <paramref name="port"/> replaces the server's (e.g. a proxy in front of it).</summary>
    public string Uri(int? port = null)
    {
        var b = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        return $"postgres://{b.Username}:{System.Uri.EscapeDataString(b.Password!)}@{b.Host}:{port ?? b.Port}/{b.Database}?schema={schema}";
    }

    /// <summary>Polls the ledger until <paramref name="finished"/> experiments have finished; fails when <paramref name="owner"/> exits first or after <paramref name="bound"/>.</summary>
    public async Task WaitForFinishedAsync(int finished, SdlProcess owner, TimeSpan bound)
    {
        using var timeout = new CancellationTokenSource(bound);
        while (true)
        {
            Assert.False(timeout.IsCancellationRequested || await owner.WaitForExitAsync(TimeSpan.Zero), $"the owner made no progress:\n{owner.Output}");
            var done = await ScalarAsync<long?>("SELECT count(*) FROM experiments WHERE status IN ('Completed', 'Failed', 'Aborted')", allowMissing: true);
            if (done >= finished)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System);
        }
    }

    /// <summary>Every command in the order stored, with the lease owner and epoch it was dispatched under.</summary>
    public async Task<List<CommandLease>> CommandLeasesAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id, lease_owner, lease_epoch, sent_at_ticks FROM commands ORDER BY seq", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<CommandLease>();
        while (await reader.ReadAsync())
        {
            rows.Add(new CommandLease(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero)));
        }

        return rows;
    }

    public async Task<T?> ScalarAsync<T>(string sql, bool allowMissing = false)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        try
        {
            return (T?)await command.ExecuteScalarAsync();
        }
        catch (PostgresException ex) when (allowMissing && ex.SqlState == "42P01")
        {
            return default; // the owner has not created the tables yet
        }
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { SearchPath = schema, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>A stored command and the lease it was dispatched under.</summary>
    internal sealed record CommandLease(string Id, string Owner, long Epoch, DateTimeOffset SentAt);
}
