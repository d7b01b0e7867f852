namespace SelfDrivingLab.Core.Time;

/// <summary>
/// Holds a unit of work open for an active component (so a virtual clock cannot move while it
/// computes or writes) and lets it go only while the component waits on something outside itself:
/// an instrument, a timer, another experiment. Not thread-safe: one owner, one async flow.
/// </summary>
public sealed class WorkHold : IDisposable
{
    private readonly IWorkTracker _tracker;
    private bool _held;

    /// <summary>Opens the hold.</summary>
    public WorkHold(IWorkTracker tracker)
    {
        _tracker = tracker;
        _tracker.Begin();
        _held = true;
    }

    /// <summary>
    /// Runs <paramref name="body"/> under a new hold and lets the hold go only after the returned task has completed
    /// and its waiters' continuations have run up to their first real await. Disposing the hold at the end of the body
    /// instead would leave a moment with no open work between the body's end and its waiter taking its own hold (the
    /// waiter resumes on the same thread, just after), in which a virtual clock could jump.
    /// </summary>
    public static Task<T> RunAsync<T>(IWorkTracker tracker, Func<WorkHold, Task<T>> body)
    {
        var hold = new WorkHold(tracker);
        Task<T> run;
        try
        {
            run = body(hold);
        }
        catch
        {
            hold.Dispose();
            throw;
        }

        return WorkHandOver.ThenRelease(run, hold.Dispose);
    }

    /// <summary>Awaits <paramref name="external"/> with the hold released, then takes it again (also on failure).</summary>
    public async Task<T> WaitAsync<T>(Task<T> external)
    {
        Release();
        try
        {
            return await external.ConfigureAwait(false);
        }
        finally
        {
            Take();
        }
    }

    /// <summary>Awaits <paramref name="external"/> with the hold released, then takes it again (also on failure).</summary>
    public async Task WaitAsync(Task external)
    {
        Release();
        try
        {
            await external.ConfigureAwait(false);
        }
        finally
        {
            Take();
        }
    }

    /// <inheritdoc />
    public void Dispose() => Release();

    private void Release()
    {
        if (_held)
        {
            _held = false;
            _tracker.End();
        }
    }

    private void Take()
    {
        if (!_held)
        {
            _tracker.Begin();
            _held = true;
        }
    }
}
