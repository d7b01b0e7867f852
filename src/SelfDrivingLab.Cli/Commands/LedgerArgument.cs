using System.CommandLine;
using SelfDrivingLab.Ledger;
using SelfDrivingLab.Ledger.Postgres;

namespace SelfDrivingLab.Cli.Commands;

/// <summary>
/// The ledger argument of the commands that read one (<c>status</c>, <c>export</c>, <c>report</c>, <c>audit</c>): a SQLite file
/// or a PostgreSQL ledger (<c>postgres://user@host:port/database?schema=name</c>), whose password comes from the
/// environment (<c>Ledger__Password</c>, as the host's configuration names it, or Npgsql's <c>PGPASSWORD</c>), never the command line.
/// </summary>
internal static class LedgerArgument
{
    /// <summary>The environment variable a PostgreSQL ledger's password is read from (the host's <c>Ledger:Password</c>).</summary>
    public const string PasswordVariable = "Ledger__Password";

    public const string Description =
        "The ledger: a file (SQLite), or postgres://user@host:port/database[?schema=name] (password from the Ledger__Password or PGPASSWORD environment variable).";

    public static Argument<string> Create() => new("ledger") { Description = Description };

    /// <summary>The PostgreSQL location <paramref name="text"/> names, or null when it names a file; throws <see cref="Core.Ledger.LedgerException"/> for a bad URI.</summary>
    public static PostgresLedgerLocation? PostgresLocation(string text) =>
        PostgresLedgerLocation.IsPostgresUri(text) ? PostgresLedgerLocation.Parse(text, Environment.GetEnvironmentVariable(PasswordVariable)) : null;

    /// <summary>
    /// Opens the ledger read-only; null (with the error printed) when it is a file that does not exist. Throws
    /// <see cref="Core.Ledger.LedgerException"/> when it cannot be opened (the callers print it as one line).
    /// </summary>
    public static async Task<ILedgerStore?> OpenReadOnlyAsync(string text, CliConsole console, CancellationToken cancellationToken)
    {
        if (PostgresLocation(text) is { } location)
        {
            return await PostgresLedger.OpenReadOnlyAsync(location, cancellationToken);
        }

        var file = new FileInfo(text);
        if (!file.Exists)
        {
            console.Error.WriteLine($"error: ledger '{file.FullName}' does not exist.");
            return null;
        }

        return await SqliteLedger.OpenReadOnlyAsync(file.FullName, cancellationToken);
    }
}
