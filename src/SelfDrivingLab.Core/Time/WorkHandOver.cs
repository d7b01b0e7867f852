namespace SelfDrivingLab.Core.Time;

/// <summary>
/// Hands a unit of work from a task to whoever awaits it without a moment of no open work in between, which a
/// virtual clock could take for idleness and jump. Thread-safe.
/// </summary>
public static class WorkHandOver
{
    /// <summary>
    /// Returns a task that completes as <paramref name="run"/> does, with its waiters' continuations run inline (up to
    /// their first real await, where they hold their own work), and only then calls <paramref name="release"/> (the end
    /// of the unit that covered <paramref name="run"/>).
    /// </summary>
    public static Task<T> ThenRelease<T>(Task<T> run, Action release)
    {
        // Not RunContinuationsAsynchronously: the waiters resume inside the unit, on the completing thread.
        var outcome = new TaskCompletionSource<T>();
        run.ContinueWith(
            static (t, state) =>
            {
                var (source, release) = ((TaskCompletionSource<T>, Action))state!;
                try
                {
                    source.TrySetFromTask(t);
                }
                finally
                {
                    release();
                }
            },
            (outcome, release),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return outcome.Task;
    }
}
