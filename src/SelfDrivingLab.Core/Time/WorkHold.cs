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
