namespace SelfDrivingLab.Core.Time;

/// <summary>
/// Advances a <see cref="VirtualTimeProvider"/> whenever the process is idle. It is the one place
/// that looks at real time: it polls for quiescence every <see cref="SettleInterval"/> of wall time.
/// </summary>
public sealed class VirtualClockDriver
{
    private readonly VirtualTimeProvider _clock;
    private readonly TimeProvider _realTime;

    /// <summary>Creates a driver; <paramref name="realTime"/> is the wall clock used for settling (default <see cref="TimeProvider.System"/>).</summary>
    public VirtualClockDriver(VirtualTimeProvider clock, TimeProvider? realTime = null)
    {
        _clock = clock;
        _realTime = realTime ?? TimeProvider.System;
    }

    /// <summary>Wall time between quiescence checks (default 1 ms).</summary>
    public TimeSpan SettleInterval { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>Consecutive idle checks required before the clock jumps (default 2).</summary>
    public int SettleChecks { get; init; } = 2;

    /// <summary>How many times the clock has jumped.</summary>
    public long Advances { get; private set; }

    /// <summary>Runs until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var idleChecks = 0;
        var lastEpoch = -1L;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(SettleInterval, _realTime, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var epoch = _clock.Epoch;
            if (_clock.OpenScopes > 0 || epoch != lastEpoch || !ThreadPoolIsQuiet())
            {
                idleChecks = 0;
                lastEpoch = epoch;
                continue;
            }

            if (++idleChecks < SettleChecks)
            {
                continue;
            }

            idleChecks = 0;

            // Not a plain AdvanceToNextTimer: work may have begun (and armed a deadline) since the checks above.
            if (_clock.AdvanceToNextTimerIfIdleSince(epoch))
            {
                Advances++;
            }

            lastEpoch = _clock.Epoch;
        }
    }

    // Queued work items are continuations about to run (e.g. a fired timer's awaiter). Busy worker
    // counts are not used: blocked threads (a test runner's, a logger's) would hold the clock forever.
    private static bool ThreadPoolIsQuiet() => ThreadPool.PendingWorkItemCount == 0;
}
