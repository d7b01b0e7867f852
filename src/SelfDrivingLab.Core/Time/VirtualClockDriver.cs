namespace SelfDrivingLab.Core.Time;

/// <summary>
/// Advances a <see cref="VirtualTimeProvider"/> whenever the process is idle. It is the one place
/// that looks at real time: the process must stay idle for <see cref="SettleInterval"/> of wall time
/// before the clock jumps.
/// </summary>
/// <remarks>
/// The driver runs on a thread of its own. While work is open it sleeps until the clock signals that the last
/// scope closed; then it watches for <see cref="SettleInterval"/> that nothing changes (no scope opens, the
/// clock's epoch stays; the thread pool has nothing queued at the start and the end), yielding the core between
/// checks, and jumps. Waking
/// on the signal instead of polling on a timer matters: a 1 ms timer delay takes 2–4 ms of wall time under load,
/// and a campaign has thousands of jumps. When the process stays busy without open scopes (untracked work on
/// the thread pool) it falls back to sleeping <see cref="SettleInterval"/> between checks instead of spinning.
/// The settle is a safety net, not what keeps a run reproducible: a short settle is only safe because work handed from
/// one component to the next keeps a unit open across the hand-over (a fired timer until its callback returns, a
/// message from publish to handler, a command's outcome and a granted lease until the waiter resumes —
/// <see cref="TrackedCompletionSource{T}"/>, <see cref="WorkHandOver"/> — and an experiment until the campaign loop has
/// taken its outcome, <see cref="WorkHold.RunAsync{T}"/>). Without that, a waiter dequeued but not yet running when the
/// settle starts could be descheduled for the whole settle on a busy machine, and the clock would jump past it.
/// </remarks>
public sealed class VirtualClockDriver
{
    // The longest the driver sleeps before it looks again without a signal (a safety net, not the mechanism).
    private static readonly TimeSpan WakeInterval = TimeSpan.FromMilliseconds(20);

    private readonly VirtualTimeProvider _clock;
    private readonly TimeProvider _realTime;

    /// <summary>Creates a driver; <paramref name="realTime"/> is the wall clock used for settling (default <see cref="TimeProvider.System"/>).</summary>
    public VirtualClockDriver(VirtualTimeProvider clock, TimeProvider? realTime = null)
    {
        _clock = clock;
        _realTime = realTime ?? TimeProvider.System;
    }

    /// <summary>Wall time the process must stay idle before the clock jumps (default 1 ms).</summary>
    public TimeSpan SettleInterval { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>How many times the clock has jumped.</summary>
    public long Advances { get; private set; }

    /// <summary>Runs until cancelled, on a thread of its own.</summary>
    public Task RunAsync(CancellationToken cancellationToken = default) =>
        Task.Factory.StartNew(() => Run(cancellationToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken cancellationToken)
    {
        long? unsettledSince = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            var signals = _clock.Signals;
            if (_clock.OpenScopes > 0)
            {
                unsettledSince = null;
                _clock.WaitForSignal(signals, WakeInterval);
                continue;
            }

            unsettledSince ??= _realTime.GetTimestamp();
            if (Settled(cancellationToken) is not { } settledEpoch)
            {
                // Idle by the scopes but busy on the thread pool for longer than a settle: stop spinning, poll.
                if (_realTime.GetElapsedTime(unsettledSince.Value) > SettleInterval)
                {
                    _clock.WaitForSignal(signals, SettleInterval);
                }

                continue;
            }

            unsettledSince = null;
            signals = _clock.Signals;

            // Conditional on the state that settled: work may have begun (and armed a deadline) since the last check.
            if (_clock.AdvanceToNextTimerIfIdleSince(settledEpoch))
            {
                Advances++;
            }
            else if (_clock.Epoch == settledEpoch && _clock.PendingTimers == 0)
            {
                // No timer to fire: sleep until one is scheduled or work starts and ends.
                _clock.WaitForSignal(signals, WakeInterval);
            }
        }
    }

    /// <summary>
    /// The clock's epoch when nothing changed for <see cref="SettleInterval"/>: no scope opened and the epoch stayed
    /// throughout (watched, yielding the core; null as soon as either changes), and the thread pool had nothing queued
    /// at the start and at the end. The pool is sampled, not watched: it is shared by everything in the process (other
    /// campaigns in a test run), which would otherwise rarely leave a whole interval quiet.
    /// </summary>
    private long? Settled(CancellationToken cancellationToken)
    {
        var epoch = _clock.Epoch;
        if (!ThreadPoolIsQuiet())
        {
            return null;
        }

        var started = _realTime.GetTimestamp();
        while (!cancellationToken.IsCancellationRequested)
        {
            if (_clock.OpenScopes > 0 || _clock.Epoch != epoch)
            {
                return null;
            }

            if (_realTime.GetElapsedTime(started) >= SettleInterval)
            {
                return ThreadPoolIsQuiet() && _clock.OpenScopes == 0 && _clock.Epoch == epoch ? epoch : null;
            }

            Thread.Yield();
        }

        return null;
    }

    // Queued work items are continuations about to run (e.g. a fired timer's awaiter). Busy worker
    // counts are not used: blocked threads (a test runner's, a logger's) would hold the clock forever.
    private static bool ThreadPoolIsQuiet() => ThreadPool.PendingWorkItemCount == 0;
}
