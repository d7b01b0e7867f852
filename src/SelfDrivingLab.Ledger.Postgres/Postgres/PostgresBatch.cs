using Npgsql;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Ledger.Postgres.Leases;

namespace SelfDrivingLab.Ledger.Postgres.Postgres;

/// <summary>
/// A batch of writes (<see cref="ILedger.RecordBatchAsync"/>) inside the caller's one transaction: each write is made by
/// the same <see cref="PostgresWrites"/> method as its single operation, so the SQL and the refusals stay in one place.
/// </summary>
internal static class PostgresBatch
{
    /// <summary>
    /// The campaign a batch is fenced by: a batch holds one experiment's writes, so its first write that names the
    /// experiment (or, for events alone, the first event's command) finds it; a batch that stores a command dispatches.
    /// </summary>
    public static FenceScope Scope(IReadOnlyList<LedgerWrite> writes)
    {
        var dispatches = writes.Any(w => w is LedgerCommandWrite);
        var scope = writes.Select(w => w switch
        {
            LedgerTransitionWrite t => FenceScope.Experiment(t.Transition.ExperimentId),
            LedgerCommandWrite command => FenceScope.Experiment(command.Command.ExperimentId),
            LedgerResultWrite r => FenceScope.Experiment(r.ExperimentId),
            _ => (FenceScope?)null,
        }).FirstOrDefault(s => s is not null)
            ?? (writes.OfType<LedgerEventWrite>().FirstOrDefault() is { } first
                ? FenceScope.Command(first.Event.CommandId)
                : throw new LedgerException("A ledger batch holds no write that names its experiment."));
        return scope with { Dispatches = dispatches };
    }

    public static async Task ApplyAsync(NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<LedgerWrite> writes, CampaignLease? lease, CancellationToken ct)
    {
        foreach (var write in writes)
        {
            var applying = write switch
            {
                LedgerTransitionWrite t => PostgresWrites.RecordTransitionAsync(c, tx, t.Transition, t.Status, ct),
                LedgerCommandWrite command => PostgresWrites.RecordCommandAsync(c, tx, command.Command, lease, ct),
                LedgerEventWrite e => PostgresWrites.RecordEventAsync(c, tx, e.Event, ct),
                LedgerResultWrite r => PostgresWrites.RecordResultAsync(c, tx, r.ExperimentId, r.Result, r.At, ct),
                null => throw new LedgerException("A ledger batch holds a null write."),
                _ => throw new LedgerException($"A ledger batch holds an unknown write ({write.GetType().Name})."),
            };
            await applying.ConfigureAwait(false);
        }
    }
}
