namespace SelfDrivingLab.Core.Time;

/// <summary>
/// A task that completes at the next change after it is read, renewed by each change. Its waiters resume on the
/// thread pool inside a unit of work of the given <see cref="IWorkTracker"/> (see <see cref="TrackedCompletionSource{T}"/>):
/// a change made inside tracked work (an instrument's availability message, a quarantine, an admission) reaches its
/// waiters with no moment of open work missing in between, so a virtual clock never jumps past a woken waiter (for
/// example to the wait limit of a step that an instrument coming online was about to serve). Thread-safe.
/// </summary>
public sealed class ChangeSignal
{
    private readonly Lock _gate = new();
    private readonly IWorkTracker _work;
    private TrackedCompletionSource<bool> _next;

    /// <summary>Creates a signal whose hand-overs <paramref name="work"/> counts as work.</summary>
    public ChangeSignal(IWorkTracker work)
    {
        _work = work;
        _next = new TrackedCompletionSource<bool>(work);
    }

    /// <summary>Completes at the next <see cref="Raise"/> after it is read.</summary>
    public Task Next
    {
        get
        {
            lock (_gate)
            {
                return _next.Task;
            }
        }
    }

    /// <summary>Completes the current <see cref="Next"/> (its waiters resume on the thread pool, tracked) and starts a new one.</summary>
    public void Raise()
    {
        TrackedCompletionSource<bool> raised;
        lock (_gate)
        {
            raised = _next;
            _next = new TrackedCompletionSource<bool>(_work);
        }

        raised.TrySetResult(true);
    }
}
