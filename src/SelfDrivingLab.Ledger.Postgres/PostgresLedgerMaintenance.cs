using System.Diagnostics;
using Npgsql;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Ledger.Postgres.Postgres;

namespace SelfDrivingLab.Ledger.Postgres;

/// <summary>For throwaway PostgreSQL ledgers (benchmarks): what one durable commit costs there, and dropping the ledger.</summary>
public static class PostgresLedgerMaintenance
{
    /// <summary>
    /// Median time of a one-row transaction (a pooled connection, <c>BEGIN</c>, <c>INSERT</c>, <c>COMMIT</c>: what a ledger write
    /// with one statement costs) in a scratch table of <paramref name="location"/>'s schema, which is dropped afterwards.
    /// </summary>
    public static async Task<double> MedianCommitSecondsAsync(PostgresLedgerLocation location, int count, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var dataSource = NpgsqlDataSource.Create(location.ConnectionString);
        await using (dataSource.ConfigureAwait(false))
        {
            try
            {
                await ExecuteAsync(dataSource, $"CREATE SCHEMA IF NOT EXISTS {location.QuotedSchema}; CREATE TABLE IF NOT EXISTS commit_probe (value text NOT NULL)", cancellationToken).ConfigureAwait(false);
                var samples = new double[count];
                for (var i = -10; i < count; i++)
                {
                    var watch = Stopwatch.StartNew();
                    var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                    await using (connection.ConfigureAwait(false))
                    {
                        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                        await using (transaction.ConfigureAwait(false))
                        {
                            await connection.ExecuteAsync(transaction, "INSERT INTO commit_probe (value) VALUES ('a ledger row of about this size, like an event payload')", cancellationToken).ConfigureAwait(false);
                            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                        }
                    }

                    if (i >= 0)
                    {
                        samples[i] = watch.Elapsed.TotalSeconds;
                    }
                }

                await ExecuteAsync(dataSource, "DROP TABLE commit_probe", cancellationToken).ConfigureAwait(false);
                Array.Sort(samples);
                return samples[count / 2];
            }
            catch (NpgsqlException ex)
            {
                throw new LedgerException($"Cannot measure a commit in '{location}': {PostgresErrors.Describe(ex, location)}.", ex);
            }
        }
    }

    /// <summary>Drops <paramref name="location"/>'s schema with every table in it: the whole ledger. For throwaway ledgers only.</summary>
    public static async Task DropAsync(PostgresLedgerLocation location, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(location.ConnectionString) { Pooling = false }.ConnectionString);
        await using (dataSource.ConfigureAwait(false))
        {
            try
            {
                await ExecuteAsync(dataSource, $"DROP SCHEMA IF EXISTS {location.QuotedSchema} CASCADE", cancellationToken).ConfigureAwait(false);
            }
            catch (NpgsqlException ex)
            {
                throw new LedgerException($"Cannot drop the ledger '{location}': {PostgresErrors.Describe(ex, location)}.", ex);
            }
        }
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await connection.ExecuteAsync(null, sql, cancellationToken).ConfigureAwait(false);
        }
    }
}
