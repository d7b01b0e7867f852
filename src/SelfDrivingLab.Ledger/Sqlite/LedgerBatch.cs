using Microsoft.Data.Sqlite;
using SelfDrivingLab.Core.Ledger;

namespace SelfDrivingLab.Ledger.Sqlite;

/// <summary>
/// A batch of writes (<see cref="ILedger.RecordBatchAsync"/>) inside the caller's one transaction: each write is made by
/// the same <see cref="LedgerWrites"/> method as its single operation, so the SQL and the refusals stay in one place.
/// </summary>
internal static class LedgerBatch
{
    public static async Task ApplyAsync(SqliteConnection c, SqliteTransaction tx, IReadOnlyList<LedgerWrite> writes, CancellationToken ct)
    {
        foreach (var write in writes)
        {
            var applying = write switch
            {
                LedgerTransitionWrite t => LedgerWrites.RecordTransitionAsync(c, tx, t.Transition, t.Status, ct),
                LedgerCommandWrite command => LedgerWrites.RecordCommandAsync(c, tx, command.Command, ct),
                LedgerEventWrite e => LedgerWrites.RecordEventAsync(c, tx, e.Event, ct),
                LedgerResultWrite r => LedgerWrites.RecordResultAsync(c, tx, r.ExperimentId, r.Result, r.At, ct),
                null => throw new LedgerException("A ledger batch holds a null write."),
                _ => throw new LedgerException($"A ledger batch holds an unknown write ({write.GetType().Name})."),
            };
            await applying.ConfigureAwait(false);
        }
    }
}
