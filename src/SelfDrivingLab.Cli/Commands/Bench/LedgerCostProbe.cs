using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SelfDrivingLab.Core.Ledger;

namespace SelfDrivingLab.Cli.Commands.Bench;

/// <summary>What the ledger costs a step: one durable commit on this disk, and how many commits a step makes.</summary>
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

    /// <summary>Commits the campaign made per experiment: the experiment (with its first transition), each later transition, command and event, and the result.</summary>
    public static async Task<double> CommitsPerExperimentAsync(ILedger ledger, IReadOnlyList<ExperimentRecord> experiments, CancellationToken cancellationToken)
    {
        var commits = 0;
        foreach (var experiment in experiments)
        {
            commits += 1 + (experiment.Status == ExperimentStatus.Completed ? 1 : 0);
            // The first stored transition (to Proposed) is written in the experiment's own commit.
            commits += (await ledger.GetTransitionsAsync(experiment.Id, cancellationToken)).Count - 1;
            foreach (var command in await ledger.GetCommandsAsync(experiment.Id, cancellationToken))
            {
                commits += 1 + (await ledger.GetEventsAsync(command.Id, cancellationToken)).Count;
            }
        }

        return experiments.Count == 0 ? 0 : (double)commits / experiments.Count;
    }
}
