using Npgsql;
using SelfDrivingLab.Core.Ledger;

namespace SelfDrivingLab.Ledger.Postgres.Postgres;

/// <summary>
/// A batch of writes (<see cref="ILedger.RecordBatchAsync"/>) inside the caller's one transaction: each write is made by
/// the same <see cref="PostgresWrites"/> method as its single operation, so the SQL and the refusals stay in one place.
/// </summary>
internal static class PostgresBatch
{
    public static async Task ApplyAsync(NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<LedgerWrite> writes, CancellationToken ct)
    {
        foreach (var write in writes)
        {
            var applying = write switch
            {
                LedgerTransitionWrite t => PostgresWrites.RecordTransitionAsync(c, tx, t.Transition, t.Status, ct),
                LedgerCommandWrite command => PostgresWrites.RecordCommandAsync(c, tx, command.Command, ct),
                LedgerEventWrite e => PostgresWrites.RecordEventAsync(c, tx, e.Event, ct),
                LedgerResultWrite r => PostgresWrites.RecordResultAsync(c, tx, r.ExperimentId, r.Result, r.At, ct),
                null => throw new LedgerException("A ledger batch holds a null write."),
                _ => throw new LedgerException($"A ledger batch holds an unknown write ({write.GetType().Name})."),
            };
            await applying.ConfigureAwait(false);
        }
    }
}
