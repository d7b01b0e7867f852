using System.ComponentModel.DataAnnotations;

namespace SelfDrivingLab.Ledger.Postgres;

/// <summary>
/// Where the PostgreSQL ledger lives (configuration section <c>Ledger</c>). Validated at start-up by
/// <see cref="PostgresLedgerServiceCollectionExtensions.AddPostgresLedger"/>.
/// </summary>
public sealed class PostgresLedgerOptions
{
    /// <summary>The configuration section (<c>Ledger:ConnectionString</c>, <c>Ledger:Password</c>; <c>Ledger__Password</c> in the environment).</summary>
    public const string SectionName = "Ledger";

    /// <summary>
    /// A <c>postgres://user@host:port/database?schema=name</c> URI or an Npgsql connection string. Required; no default.
    /// It may hold the password, but need not: see <see cref="Password"/>.
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Ledger:ConnectionString is empty; give postgres://user@host:port/database.")]
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>
    /// The password, when <see cref="ConnectionString"/> has none (default null: none, or Npgsql's <c>PGPASSWORD</c> and
    /// <c>~/.pgpass</c>). Set it from the environment (<c>Ledger__Password</c>) so it is never on a command line.
    /// </summary>
    public string? Password { get; set; }

    /// <summary>The location these options name; throws <see cref="Core.Ledger.LedgerException"/> when they name none.</summary>
    public PostgresLedgerLocation Location() => PostgresLedgerLocation.Parse(ConnectionString, Password);
}
