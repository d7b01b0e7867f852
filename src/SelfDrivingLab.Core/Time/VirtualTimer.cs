namespace SelfDrivingLab.Core.Time;

/// <summary>A timer of a <see cref="VirtualTimeProvider"/>; schedule changes are made under the provider's lock.</summary>
internal sealed class VirtualTimer : ITimer
{
    private readonly VirtualTimeProvider _clock;
    private readonly TimerCallback _callback;
    private readonly object? _state;
    private long _sequence;
    private bool _disposed;

    public VirtualTimer(VirtualTimeProvider clock, TimerCallback callback, object? state)
    {
        _clock = clock;
        _callback = callback;
        _state = state;
    }

    public long DueTicks { get; private set; } = long.MaxValue;

    public TimeSpan Period { get; private set; } = Timeout.InfiniteTimeSpan;

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        if (Volatile.Read(ref _disposed))
        {
            return false;
        }

        _clock.Schedule(this, dueTime, period);
        return true;
    }

    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        _clock.Cancel(this);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    internal bool IsScheduledAs(long sequence) => _sequence == sequence && !_disposed;

    internal void SetSchedule(long sequence, long due, TimeSpan period)
    {
        _sequence = sequence;
        DueTicks = due;
        Period = period;
    }

    internal void MarkFired(long now)
    {
        if (Period > TimeSpan.Zero && Period != Timeout.InfiniteTimeSpan)
        {
            _clock.Reschedule(this, now + Period.Ticks);
        }
        else
        {
            DueTicks = long.MaxValue;
        }
    }

    internal void Invoke()
    {
        if (!Volatile.Read(ref _disposed))
        {
            _callback(_state);
        }
    }
}
