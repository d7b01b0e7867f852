using System.Collections.Concurrent;
using System.Collections.Immutable;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;

namespace SelfDrivingLab.Workflow.Experiments;

/// <summary>
/// Groups an experiment's ledger writes into fewer commits without breaking write-ahead. A write nothing acts on until the
/// experiment's next write — the transition into a step (acted on only by the command it sends), the outputs stored just
/// before the experiment's last transition — is held (<see cref="Defer"/>) and stored in the commit of that next write
/// (<see cref="WriteAsync"/>), in order, all or nothing. A crash in between loses only the held writes, which is the same
/// as a crash before they were made: nothing was sent or decided on them. Thread-safe; each experiment has one writer
/// (its run loop).
/// </summary>
internal sealed class DeferredExperimentWrites(ILedger ledger)
{
    private readonly ConcurrentDictionary<ExperimentId, ImmutableList<LedgerWrite>> _held = new();

    /// <summary>Holds <paramref name="write"/> until the experiment's next <see cref="WriteAsync"/>.</summary>
    public void Defer(ExperimentId experiment, LedgerWrite write) =>
        _held.AddOrUpdate(experiment, _ => [write], (_, held) => held.Add(write));

    /// <summary>Stores the experiment's held writes and then <paramref name="write"/>, in one commit.</summary>
    public ValueTask WriteAsync(ExperimentId experiment, LedgerWrite write, CancellationToken cancellationToken = default) =>
        ledger.RecordBatchAsync(_held.TryRemove(experiment, out var held) ? held.Add(write) : [write], cancellationToken);

    /// <summary>Forgets the experiment's held writes (its run ended; nothing acted on them).</summary>
    public void Discard(ExperimentId experiment) => _held.TryRemove(experiment, out _);
}
