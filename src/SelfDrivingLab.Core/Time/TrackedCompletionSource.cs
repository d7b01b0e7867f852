namespace SelfDrivingLab.Core.Time;

/// <summary>
/// A task completion source whose waiters resume on the thread pool (as with
/// <see cref="TaskCreationOptions.RunContinuationsAsynchronously"/>) inside a unit of work of
/// <see cref="IWorkTracker"/> that opens when the result is set and closes once the waiters' continuations have run
/// up to their first real await. A plain asynchronous continuation is queued untracked: after the completer's own
/// scope closes, a virtual clock could see no open work while the waiter sits dequeued but not yet started, and jump
/// past what it was about to do. Thread-safe; the first result set wins.
/// </summary>
/// <typeparam name="T">The result type.</typeparam>
public sealed class TrackedCompletionSource<T>
{
    // Not RunContinuationsAsynchronously: the continuations run inline on the tracked work item below.
    private readonly TaskCompletionSource<T> _source = new();
    private readonly IWorkTracker _work;
    private int _claimed;

    /// <summary>Creates a source tracked by <paramref name="work"/>.</summary>
    public TrackedCompletionSource(IWorkTracker work) => _work = work;

    /// <summary>Completes when a result or an exception has been set and handed over.</summary>
    public Task<T> Task => _source.Task;

    /// <summary>Sets the result; false when one was already set.</summary>
    public bool TrySetResult(T result) => TryHandOver(new HandOver(this, result, null));

    /// <summary>Sets an exception; false when a result was already set.</summary>
    public bool TrySetException(Exception exception) => TryHandOver(new HandOver(this, default, exception));

    private bool TryHandOver(HandOver handOver)
    {
        if (Interlocked.Exchange(ref _claimed, 1) != 0)
        {
            return false;
        }

        // Opened here, inside the completer's own work, so no moment is left without open work.
        _work.Begin();
        ThreadPool.UnsafeQueueUserWorkItem(static h => h.Run(), handOver, preferLocal: false);
        return true;
    }

    private sealed class HandOver(TrackedCompletionSource<T> owner, T? result, Exception? exception)
    {
        public void Run()
        {
            try
            {
                if (exception is null)
                {
                    owner._source.TrySetResult(result!);
                }
                else
                {
                    owner._source.TrySetException(exception);
                }
            }
            finally
            {
                owner._work.End();
            }
        }
    }
}
