using SelfDrivingLab.Core.Ledger;

namespace SelfDrivingLab.Workflow.Experiments;

/// <summary>
/// Group commit of one command's events. Events nothing acts on (<c>accepted</c>, <c>progress</c>) wait in a small
/// write-behind queue; any other event (a final one, or <c>unknown</c>) is stored with everything queued before it in one
/// commit before <see cref="RecordAsync"/> returns, so the orchestrator never acts on an event that is not durable. The
/// queue is also stored with the command's next event once its oldest event is <c>bound</c> older than that one (so a
/// stream of progress reports reaches the ledger at least that often), when it holds <see cref="MaxQueued"/> events, and
/// by <see cref="WriteAsync"/>/<see cref="FlushAsync"/> (the runner flushes when the command ends, with or without a final
/// event). A crash loses at most the queued events, which nothing acted on.
/// </summary>
/// <remarks>
/// The bound is checked when events arrive, not by a timer: a timer per command would be one more timer on the virtual
/// clock (which jumps to the next timer when the lab is idle) for every step, and a lone <c>accepted</c> that waits until
/// its command's next event is acted on by nothing. Thread-safe: writes are serialised, so events are stored in arrival order.
/// </remarks>
internal sealed class CommandEventBuffer(ILedger ledger, TimeSpan bound)
{
    /// <summary>The most events queued before they are stored anyway.</summary>
    public const int MaxQueued = 32;

    private readonly Lock _gate = new();
    private List<LedgerWrite> _queued = [];
    private DateTimeOffset _oldest;
    private Task _last = Task.CompletedTask;

    /// <summary>True for the kinds that may wait in the queue: nothing acts on them.</summary>
    public static bool MayWait(string kind) => kind is "accepted" or "progress";

    /// <summary>Queues an event nothing acts on; stores any other event, with the queue, before returning.</summary>
    public ValueTask RecordAsync(InstrumentEventRecord e, CancellationToken cancellationToken = default)
    {
        if (bound > TimeSpan.Zero && MayWait(e.Kind))
        {
            lock (_gate)
            {
                if (_queued.Count == 0)
                {
                    _oldest = e.At;
                }

                if (_queued.Count + 1 < MaxQueued && e.At - _oldest < bound)
                {
                    _queued.Add(new LedgerEventWrite(e));
                    return ValueTask.CompletedTask;
                }
            }
        }

        return WriteAsync(new LedgerEventWrite(e), cancellationToken);
    }

    /// <summary>Stores the queued events and then <paramref name="write"/> (null: the queue alone), in one commit, after the buffer's earlier commits.</summary>
    public ValueTask WriteAsync(LedgerWrite? write, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            // The batch is taken and chained under the lock, so commits happen in the order the events arrived.
            var batch = _queued;
            _queued = [];
            if (write is not null)
            {
                batch.Add(write);
            }

            var writing = WriteAfterAsync(_last, batch, cancellationToken);
            _last = writing;
            return new ValueTask(writing);
        }
    }

    /// <summary>Stores the queued events now.</summary>
    public ValueTask FlushAsync(CancellationToken cancellationToken = default) => WriteAsync(null, cancellationToken);

    private async Task WriteAfterAsync(Task previous, List<LedgerWrite> batch, CancellationToken cancellationToken)
    {
        try
        {
            await previous.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is LedgerException or OperationCanceledException or ObjectDisposedException)
        {
            // Whoever made the earlier write was told it failed; this one is still attempted.
        }

        if (batch.Count > 0)
        {
            await ledger.RecordBatchAsync(batch, cancellationToken).ConfigureAwait(false);
        }
    }
}
