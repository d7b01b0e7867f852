using Microsoft.Extensions.Time.Testing;

namespace SelfDrivingLab.Workflow.Tests.Fakes;

/// <summary>A fake clock that tells the test when code under test starts a timer, so the test advances time only after the timer exists.</summary>
internal sealed class SignallingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private TaskCompletionSource<TimeSpan> _created = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the due time of the next timer created.</summary>
    public Task<TimeSpan> NextTimer => Volatile.Read(ref _created).Task;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Interlocked.Exchange(ref _created, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(dueTime);
        return timer;
    }
}
