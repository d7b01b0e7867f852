using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace SelfDrivingLab.Cli.Commands.Bench;

/// <summary>What one durable commit costs on this disk (how many a step makes: <see cref="LedgerCommitCounter"/>).</summary>
internal static class LedgerCostProbe
{
    /// <summary>Median time of a one-row SQLite transaction with the ledger's settings (WAL, <c>synchronous=FULL</c>) in <paramref name="directory"/>.</summary>
    public static async Task<double> MedianCommitSecondsAsync(string directory, int count, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, "commit-probe.db");
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(cancellationToken);
        await using (var setup = connection.CreateCommand())
        {
            setup.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; CREATE TABLE IF NOT EXISTS probe (value TEXT NOT NULL);";
            await setup.ExecuteNonQueryAsync(cancellationToken);
        }

        var samples = new double[count];
        for (var i = -10; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken))
            {
                await using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO probe (value) VALUES ('a ledger row of about this size, like an event payload')";
                await insert.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            if (i >= 0)
            {
                samples[i] = watch.Elapsed.TotalSeconds;
            }
        }

        Array.Sort(samples);
        return samples[count / 2];
    }
}
