using System.Net.Sockets;
using Npgsql;

namespace SelfDrivingLab.Ledger.Postgres.Postgres;

/// <summary>PostgreSQL's and Npgsql's failures that reach users, in words (one line, no stack trace, never a password).</summary>
internal static class PostgresErrors
{
    public const string UniqueViolation = "23505";
    public const string DiskFull = "53100";

    public static string Describe(NpgsqlException exception, PostgresLedgerLocation location) => exception switch
    {
        PostgresException { SqlState: "28P01" or "28000" } pg =>
            $"the server refused the login ({pg.MessageText}); check the user and the password (Ledger:Password, the PGPASSWORD environment variable or ~/.pgpass)",
        PostgresException { SqlState: "3D000" } pg => $"{pg.MessageText}; create it first (createdb), or give another database",
        PostgresException { SqlState: "42501" } pg => $"permission denied ({pg.MessageText}); the ledger's user needs to create tables in schema '{location.Schema}'",
        PostgresException { SqlState: DiskFull } pg => $"the server's disk is full ({pg.MessageText})",
        PostgresException pg => $"{pg.MessageText} (SQLSTATE {pg.SqlState})",
        { InnerException: SocketException socket } => $"cannot reach the server ({socket.Message})",
        { InnerException: TimeoutException } => "cannot reach the server (the connection timed out)",
        _ when exception.InnerException is { } inner => $"{exception.Message} ({inner.Message})",
        _ => exception.Message,
    };
}
