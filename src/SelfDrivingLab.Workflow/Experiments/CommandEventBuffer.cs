using SelfDrivingLab.Core.Ledger;

namespace SelfDrivingLab.Workflow.Experiments;

/// <summary>
/// Group commit of one command's events. Events nothing acts on (<c>accepted</c>, <c>progress</c>) wait in a small
/// write-behind queue; any other event (a final one, or <c>unknown</c>) is stored with everything queued before it in one
/// commit before <see cref="RecordAsync"/> returns, so the orchestrator never acts on an event that is not durable. The
/// queue is also stored when it reaches <see cref="MaxQueued"/> events, when its oldest event has waited
/// <c>bound</c> (on the injected clock), and by <see cref="FlushAsync"/>. A crash loses at most the queued events, which
/// nothing acted on. Thread-safe: writes are serialised, so events are stored in the order they arrived.
/// </summary>
internal sealed class CommandEventBuffer : IAsyncDisposable
{
    /// <summary>The most events queued before they are stored anyway.</summary>
    public const int MaxQueued = 32;

    private readonly ILedger _ledger;
    private readonly TimeSpan _bound;
    private readonly Action<Exception> _flushFailed;
    private readonly ITimer? _timer;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly Lock _gate = new();
    private List<LedgerWrite> _queued = [];

    /// <summary>
    /// Creates the buffer. A <paramref name="bound"/> of zero stores every event at once. <paramref name="flushFailed"/> is
    /// told when a flush the clock started fails (nothing awaits it).
    /// </summary>
    public CommandEventBuffer(ILedger ledger, TimeProvider time, TimeSpan bound, Action<Exception> flushFailed)
    {
        _ledger = ledger;
        _bound = bound;
        _flushFailed = flushFailed;
        if (bound > TimeSpan.Zero)
        {
            _timer = time.CreateTimer(_ => _ = FlushFromTimerAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>True for the kinds that wait in the queue: nothing acts on them.</summary>
    public static bool MayWait(string kind) => kind is "accepted" or "progress";

    /// <summary>Queues an event nothing acts on; stores any other event, with the queue, before returning.</summary>
    public async ValueTask RecordAsync(InstrumentEventRecord e, CancellationToken cancellationToken = default)
    {
        if (_timer is not null && MayWait(e.Kind))
        {
            bool full;
            lock (_gate)
            {
                _queued.Add(new LedgerEventWrite(e));
                full = _queued.Count >= MaxQueued;
                if (_queued.Count == 1)
                {
                    _timer.Change(_bound, Timeout.InfiniteTimeSpan);
                }
            }

            if (!full)
            {
                return;
            }

            await FlushAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        await WriteAsync(new LedgerEventWrite(e), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stores the queued events with <paramref name="write"/> (null: the queue alone), in one commit.</summary>
    public async ValueTask WriteAsync(LedgerWrite? write, CancellationToken cancellationToken = default)
    {
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            List<LedgerWrite> batch;
            lock (_gate)
            {
                batch = _queued;
                _queued = [];
                _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }

            if (write is not null)
            {
                batch.Add(write);
            }

            if (batch.Count > 0)
            {
                await _ledger.RecordBatchAsync(batch, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>Stores the queued events now.</summary>
    public ValueTask FlushAsync(CancellationToken cancellationToken = default) => WriteAsync(null, cancellationToken);

    /// <summary>Stores what is queued (a failure is reported to the callback, not thrown: nothing acted on those events) and stops the clock.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_timer is not null)
        {
            await _timer.DisposeAsync().ConfigureAwait(false);
        }

        try
        {
            await FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is LedgerException or ObjectDisposedException)
        {
            _flushFailed(ex);
        }
    }

    private async Task FlushFromTimerAsync()
    {
        try
        {
            await FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is LedgerException or ObjectDisposedException)
        {
            _flushFailed(ex);
        }
    }
}
