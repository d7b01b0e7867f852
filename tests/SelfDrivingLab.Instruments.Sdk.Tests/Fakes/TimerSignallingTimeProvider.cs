using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace SelfDrivingLab.Instruments.Sdk.Tests.Fakes;

/// <summary>A fake clock that lets a test await the creation of timers, so it advances only once a delay is pending.</summary>
public sealed class TimerSignallingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Channel<bool> _created = Channel.CreateUnbounded<bool>();
    private readonly List<TimeSpan> _dueTimes = [];

    /// <summary>The due time of every timer created so far, in creation order.</summary>
    public IReadOnlyList<TimeSpan> DueTimes
    {
        get
        {
            lock (_dueTimes)
            {
                return [.. _dueTimes];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_dueTimes)
        {
            _dueTimes.Add(dueTime);
        }

        _created.Writer.TryWrite(true);
        return timer;
    }

    /// <summary>Waits (bounded) until <paramref name="count"/> more timers have been created.</summary>
    public async Task WaitForTimersAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await _created.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        }
    }
}
