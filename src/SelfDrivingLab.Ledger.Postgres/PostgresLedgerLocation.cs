using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;
using SelfDrivingLab.Core.Ledger;

namespace SelfDrivingLab.Ledger.Postgres;

/// <summary>
/// Where a PostgreSQL ledger lives: a server, a database and a schema (default <c>public</c>), given as a URI
/// (<c>postgres://user:password@host:5432/database?schema=lab</c>) or an Npgsql connection string
/// (<c>Host=…;Database=…;Username=…</c>). The password may also come from elsewhere (configuration, or Npgsql's own
/// <c>PGPASSWORD</c> and <c>~/.pgpass</c>); it is never shown. Immutable.
/// </summary>
public sealed partial class PostgresLedgerLocation
{
    /// <summary>The first key of every advisory lock the ledger takes ('SDL1', as the SQLite ledger's application id).</summary>
    internal const int LockClass = 0x53444C31;

    private PostgresLedgerLocation(NpgsqlConnectionStringBuilder builder, string schema)
    {
        Schema = schema;
        builder.SearchPath = schema;
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = "sdl";
        }

        ConnectionString = builder.ConnectionString;
        var port = builder.Port == NpgsqlConnection.DefaultPort ? string.Empty : ":" + builder.Port.ToString(CultureInfo.InvariantCulture);
        var user = string.IsNullOrEmpty(builder.Username) ? string.Empty : Uri.EscapeDataString(builder.Username) + "@";
        Display = $"postgres://{user}{builder.Host}{port}/{builder.Database}" + (schema == "public" ? string.Empty : "?schema=" + schema);
        WriterLockKey = StableKey("writer:" + schema);
        MigrationLockKey = StableKey("migrate:" + schema);
    }

    /// <summary>The schema holding the ledger's tables.</summary>
    public string Schema { get; }

    /// <summary>The connection string, password included: never print it.</summary>
    internal string ConnectionString { get; }

    /// <summary>The schema as an SQL identifier.</summary>
    internal string QuotedSchema => "\"" + Schema + "\"";

    /// <summary>The second key of the session advisory lock held by the one host writing this ledger.</summary>
    internal int WriterLockKey { get; }

    /// <summary>The second key of the transaction advisory lock that serialises schema migrations.</summary>
    internal int MigrationLockKey { get; }

    /// <summary>The location without its password, e.g. <c>postgres://sdl@127.0.0.1:5433/lab</c>.</summary>
    private string Display { get; }

    /// <summary>True when <paramref name="ledger"/> names a PostgreSQL ledger (a <c>postgres://</c> or <c>postgresql://</c> URI) rather than a file.</summary>
    public static bool IsPostgresUri(string? ledger) =>
        ledger is not null
        && (ledger.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || ledger.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Reads a URI or a connection string; <paramref name="password"/> (when not null or empty) is used when the text has none.
    /// Throws <see cref="LedgerException"/> naming what is wrong (never quoting the password).
    /// </summary>
    public static PostgresLedgerLocation Parse(string text, string? password = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new LedgerException("The PostgreSQL ledger connection string is empty; give postgres://user@host:port/database or Host=…;Database=…;Username=….");
        }

        var schema = "public";
        NpgsqlConnectionStringBuilder builder;
        if (IsPostgresUri(text))
        {
            (builder, schema) = FromUri(text);
        }
        else
        {
            try
            {
                builder = new NpgsqlConnectionStringBuilder(text);
            }
            catch (ArgumentException ex)
            {
                throw new LedgerException($"The PostgreSQL ledger connection string is not valid: {StripValues(ex.Message)}. Give postgres://user@host:port/database or Host=…;Database=…;Username=….", ex);
            }

            if (!string.IsNullOrEmpty(builder.SearchPath))
            {
                schema = builder.SearchPath;
            }
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new LedgerException("The PostgreSQL ledger connection string names no host; give postgres://user@host:port/database.");
        }

        if (string.IsNullOrWhiteSpace(builder.Database))
        {
            throw new LedgerException($"The PostgreSQL ledger connection string names no database on '{builder.Host}'; give postgres://user@host:port/database.");
        }

        if (!SchemaName().IsMatch(schema))
        {
            throw new LedgerException($"'{schema}' is not a schema name the ledger accepts: use lower-case letters, digits and '_', starting with a letter or '_'.");
        }

        if (string.IsNullOrEmpty(builder.Password) && !string.IsNullOrEmpty(password))
        {
            builder.Password = password;
        }

        return new PostgresLedgerLocation(builder, schema);
    }

    /// <summary>The location without its password.</summary>
    public override string ToString() => Display;

    private static (NpgsqlConnectionStringBuilder Builder, string Schema) FromUri(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new LedgerException("The PostgreSQL ledger URI is not valid; give postgres://user:password@host:port/database (password optional).");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host.Trim('[', ']'), Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        var schema = "public";
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            switch (key)
            {
                case "schema":
                    schema = value;
                    break;
                case "sslmode":
                    builder.SslMode = Enum.TryParse<SslMode>(value.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var mode)
                        ? mode
                        : throw new LedgerException($"The PostgreSQL ledger URI has sslmode '{value}'; use disable, allow, prefer, require, verify-ca or verify-full.");
                    break;
                default:
                    throw new LedgerException($"The PostgreSQL ledger URI has an unknown parameter '{key}'; it accepts schema and sslmode.");
            }
        }

        return (builder, schema);
    }

    // Npgsql's messages may quote the offending value, which may be a password.
    private static string StripValues(string message) => message.Split('\'')[0].TrimEnd(' ', ':', '.');

    /// <summary>A key that is the same in every process and build (string.GetHashCode is randomised per process).</summary>
    private static int StableKey(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();
}
