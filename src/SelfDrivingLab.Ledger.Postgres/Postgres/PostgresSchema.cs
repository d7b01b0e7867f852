using System.Globalization;
using Npgsql;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Ledger.Sqlite;
using static SelfDrivingLab.Ledger.Postgres.Postgres.NpgsqlCommands;

namespace SelfDrivingLab.Ledger.Postgres.Postgres;

/// <summary>
/// Creates, recognises and migrates the ledger's tables in one PostgreSQL schema, versioned by its one-row
/// <c>schema_version</c> table (which also marks the schema as a ledger, so a stranger's tables are never written into).
/// </summary>
internal static class PostgresSchema
{
    /// <summary>The schema version this build writes (the ledger contract's, as the SQLite ledger's).</summary>
    public const int CurrentVersion = LedgerSchema.CurrentVersion;

    /// <summary>What <c>schema_version.application</c> holds in a ledger.</summary>
    public const string Application = "SelfDrivingLab ledger";

    private static readonly string[] Steps =
    [
        PostgresSchemaSteps.Version1,
        PostgresSchemaSteps.Version2,
        PostgresSchemaSteps.Version3,
        PostgresSchemaSteps.Version4,
        PostgresSchemaSteps.Version5,
        PostgresSchemaSteps.Version6,
        PostgresSchemaSteps.Version7,
    ];

    /// <summary>
    /// Brings the schema to <paramref name="targetVersion"/> (default: current) in one transaction, or throws when it is not a
    /// ledger; returns the version it found (0: it created the ledger). Concurrent openers are serialised by a transaction-level
    /// advisory lock, so two hosts never migrate at once.
    /// </summary>
    public static async Task<int> EnsureAsync(NpgsqlConnection connection, PostgresLedgerLocation location, CancellationToken cancellationToken, int targetVersion = CurrentVersion)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            await connection.ExecuteAsync(
                transaction,
                "SELECT pg_advisory_xact_lock(@k1, @k2)",
                cancellationToken,
                P("k1", PostgresLedgerLocation.LockClass),
                P("k2", location.MigrationLockKey)).ConfigureAwait(false);
            await connection.ExecuteAsync(transaction, $"CREATE SCHEMA IF NOT EXISTS {location.QuotedSchema}", cancellationToken).ConfigureAwait(false);
            var version = await CheckAsync(connection, transaction, location, allowEmpty: true, cancellationToken).ConfigureAwait(false);
            if (version >= targetVersion)
            {
                return version;
            }

            for (var step = version + 1; step <= targetVersion; step++)
            {
                await connection.ExecuteAsync(transaction, Steps[step - 1], cancellationToken).ConfigureAwait(false);
                if (step == 3)
                {
                    await BackfillObjectivesAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                }
            }

            if (version == 0)
            {
                await connection.ExecuteAsync(transaction, "CREATE TABLE schema_version (application text NOT NULL, version integer NOT NULL)", cancellationToken).ConfigureAwait(false);
                await connection.ExecuteAsync(transaction, "INSERT INTO schema_version (application, version) VALUES (@a, @v)", cancellationToken, P("a", Application), P("v", targetVersion)).ConfigureAwait(false);
            }
            else
            {
                await connection.ExecuteAsync(transaction, "UPDATE schema_version SET version = @v", cancellationToken, P("v", targetVersion)).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return version;
        }
    }

    /// <summary>Checks that the schema is a ledger this build can read; returns its version (0 only when empty and allowed).</summary>
    public static async Task<int> CheckAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, PostgresLedgerLocation location, bool allowEmpty, CancellationToken cancellationToken)
    {
        var tables = Convert.ToInt64(
            await connection.ScalarAsync(transaction, "SELECT count(*) FROM information_schema.tables WHERE table_schema = @s", cancellationToken, P("s", location.Schema)).ConfigureAwait(false),
            CultureInfo.InvariantCulture);
        var marked = await connection.ExistsAsync(
            transaction,
            "SELECT 1 FROM information_schema.tables WHERE table_schema = @s AND table_name = 'schema_version'",
            cancellationToken,
            P("s", location.Schema)).ConfigureAwait(false);
        if (!marked)
        {
            return tables == 0
                ? (allowEmpty ? 0 : throw new LedgerException($"'{location}' is an empty database, not a ledger; run a campaign first to create it."))
                : throw new LedgerException($"'{location}' is a PostgreSQL schema but not a SelfDrivingLab ledger ({tables} tables and no schema_version); give another database or schema.");
        }

        var rows = await connection.QueryAsync(transaction, "SELECT application, version FROM schema_version", r => (Application: r.GetString(0), Version: r.GetInt32(1)), cancellationToken).ConfigureAwait(false);
        if (rows is not [var row] || row.Application != Application)
        {
            throw new LedgerException($"'{location}' is a PostgreSQL schema but not a SelfDrivingLab ledger (its schema_version table is not ours); give another database or schema.");
        }

        if (row.Version > CurrentVersion)
        {
            throw new LedgerException($"The ledger '{location}' has schema version {row.Version}, newer than this build understands ({CurrentVersion}); upgrade SelfDrivingLab.");
        }

        return row.Version >= 1 ? row.Version : throw new LedgerException($"The ledger '{location}' has no schema version; it is damaged.");
    }

    /// <summary>Schema 3's objective vectors for experiments stored before, as <see cref="LedgerObjectiveBackfill"/> makes them in SQLite.</summary>
    private static async Task BackfillObjectivesAsync(NpgsqlConnection c, NpgsqlTransaction tx, CancellationToken ct)
    {
        var rows = await c.QueryAsync(
            tx,
            "SELECT id, measurements, objective FROM experiments WHERE objective IS NOT NULL",
            r => (Id: r.GetString(0), Measurements: r.IsDBNull(1) ? ParameterSet.Empty : LedgerValues.FromJson(r.GetString(1)), Objective: r.GetDouble(2)),
            ct).ConfigureAwait(false);
        foreach (var (id, measurements, objective) in rows)
        {
            var output = measurements
                .Where(m => m.Value.IsNumber && m.Value.Number.Equals(objective))
                .Select(m => m.Key)
                .Order(StringComparer.Ordinal)
                .FirstOrDefault() ?? LedgerObjectiveBackfill.UnknownOutput;
            await c.ExecuteAsync(
                tx,
                "UPDATE experiments SET objectives = @objectives WHERE id = @id",
                ct,
                P("id", id),
                P("objectives", LedgerValues.ObjectivesToJson([new ObjectiveValue(output, objective)]))).ConfigureAwait(false);
        }
    }
}
