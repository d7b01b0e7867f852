namespace SelfDrivingLab.Workflow.Instruments;

/// <summary>
/// The bounded part of a lease wait: a timer that runs only while nothing usable exists and is
/// cancelled (not left to fire) when something appears, so a virtual clock never jumps to a stale
/// deadline. Used by one waiter at a time; not thread-safe.
/// </summary>
internal sealed class WaitLimit(TimeSpan limit, TimeProvider time) : IDisposable
{
    private CancellationTokenSource? _stop;
    private Task? _expired;

    /// <summary>Starts the timer unless it is running; returns the task that completes when it expires.</summary>
    public Task Start()
    {
        if (_expired is null)
        {
            _stop = new CancellationTokenSource();
            _expired = Task.Delay(limit, time, _stop.Token);
        }

        return _expired;
    }

    /// <summary>Stops the timer if it is running.</summary>
    public void Stop()
    {
        if (_stop is { } stop)
        {
            stop.Cancel();
            stop.Dispose();
            _stop = null;
            _expired = null;
        }
    }

    /// <inheritdoc />
    public void Dispose() => Stop();
}
