using Microsoft.Extensions.Time.Testing;

namespace SelfDrivingLab.Transport.Mqtt.Tests;

/// <summary>A fake clock that tells the test when someone starts waiting on it (a timer is created).</summary>
internal sealed class TimerSignalingTimeProvider : FakeTimeProvider
{
    public SemaphoreSlim TimerCreated { get; } = new(0);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            TimerCreated.Release();
        }

        return timer;
    }
}
