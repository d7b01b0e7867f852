using System.Globalization;
using Npgsql;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Ledger.Postgres.Postgres;
using static SelfDrivingLab.Ledger.Postgres.Postgres.NpgsqlCommands;

namespace SelfDrivingLab.Ledger.Postgres;

/// <summary>
/// One writer per PostgreSQL ledger, as <see cref="LedgerLock"/> is for a file: a session-level advisory lock
/// (<c>pg_try_advisory_lock</c>) on a key derived from the ledger's schema, held on a connection of its own for as long as
/// the writer lives. The server releases it when that session ends, including when the process dies or its network
/// connection drops. Readers never take it. Thread-safe.
/// </summary>
/// <remarks>
/// The campaign host no longer takes it: on PostgreSQL it leases each campaign instead
/// (<see cref="Leases.CampaignLeaseBook"/>, fenced writes, takeover), so several hosts share one ledger. It stays for a
/// tool that must be the ledger's only writer.
/// </remarks>
public sealed class PostgresLedgerLock : IDisposable, IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;

    private PostgresLedgerLock(NpgsqlConnection connection) => _connection = connection;

    /// <summary>
    /// Takes the ledger's writer lock for <paramref name="purpose"/> without waiting; dispose it after the ledger is closed.
    /// Throws <see cref="LedgerException"/> naming the session that holds it (its application name, which names the process
    /// and host, its address and since when) when another writer does, or naming the problem when the server cannot be reached.
    /// </summary>
    public static async Task<PostgresLedgerLock> AcquireAsync(PostgresLedgerLocation location, string purpose, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        // Its own unpooled session: a pooled connection would keep the lock after this writer returned it.
        var builder = new NpgsqlConnectionStringBuilder(location.ConnectionString)
        {
            Pooling = false,
            ApplicationName = Truncate($"{purpose} (pid {Environment.ProcessId} on {Environment.MachineName})", 63),
            // Dead peers are noticed by the server (which then frees the lock) and by us.
            KeepAlive = 10,
        };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var taken = await connection.ScalarAsync(
                null, "SELECT pg_try_advisory_lock(@k1, @k2)", cancellationToken, P("k1", PostgresLedgerLocation.LockClass), P("k2", location.WriterLockKey)).ConfigureAwait(false);
            if (taken is true)
            {
                return new PostgresLedgerLock(connection);
            }

            var holder = await DescribeHolderAsync(connection, location, cancellationToken).ConfigureAwait(false);
            throw new LedgerException(
                $"the ledger '{location}' is in use by another writer: {holder}. One process writes a ledger at a time; nothing of it was touched. "
                + "Wait for that run to finish, stop it (Ctrl-C or SIGTERM: it can be resumed), or give another --ledger. sdl status and sdl export read it meanwhile.");
        }
        catch (NpgsqlException ex)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new LedgerException($"cannot lock the ledger '{location}' for writing: {PostgresErrors.Describe(ex, location)}.", ex);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Ends the lock's session, which releases the lock.</summary>
    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    /// <summary>Ends the lock's session, which releases the lock (for a container disposed synchronously).</summary>
    public void Dispose() => _connection.Dispose();

    private static async Task<string> DescribeHolderAsync(NpgsqlConnection connection, PostgresLedgerLocation location, CancellationToken cancellationToken)
    {
        var holders = await connection.QueryAsync(
            null,
            "SELECT a.application_name, a.client_addr::text, a.backend_start, a.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid " +
            "WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) " +
            "AND l.classid = @k1::bigint::oid AND l.objid = @k2::bigint::oid AND l.objsubid = 2",
            r => string.Create(
                CultureInfo.InvariantCulture,
                $"'{r.GetString(0)}' (server process {r.GetInt32(3)}, from {r.NullableString(1) ?? "a local socket"}, since {r.GetFieldValue<DateTime>(2):u})"),
            cancellationToken,
            P("k1", PostgresLedgerLocation.LockClass),
            P("k2", location.WriterLockKey)).ConfigureAwait(false);

        // The holder may have let go between the two queries, or this user may not see other sessions' details.
        return holders.Count > 0 ? holders[0] : "another session (it may just have ended; try again)";
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
