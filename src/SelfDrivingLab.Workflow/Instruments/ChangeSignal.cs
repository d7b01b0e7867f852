namespace SelfDrivingLab.Workflow.Instruments;

/// <summary>A task that completes at the next change after it is read, renewed by each change. Thread-safe.</summary>
internal sealed class ChangeSignal
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _next = NewSignal();

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

    /// <summary>Completes the current <see cref="Next"/> (continuations run asynchronously) and starts a new one.</summary>
    public void Raise()
    {
        TaskCompletionSource raised;
        lock (_gate)
        {
            raised = _next;
            _next = NewSignal();
        }

        raised.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
