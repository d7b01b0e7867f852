using SelfDrivingLab.Core.Time;

namespace SelfDrivingLab.Core.Tests.Time;

public sealed class VirtualTimeProviderTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public void AdvanceToNextTimer_NoTimers_ReturnsFalseAndKeepsTime()
    {
        var clock = new VirtualTimeProvider(Start);

        Assert.False(clock.AdvanceToNextTimer());
        Assert.Equal(Start, clock.GetUtcNow());
    }

    [Fact]
    public void AdvanceToNextTimerIfIdleSince_WorkBeganAndArmedADeadlineAfterTheIdleCheck_DoesNotJumpToIt()
    {
        // The CI failure of 2026-12-06: the driver saw the clock idle, then a connect began its work and
        // armed its 30 s start-up deadline, then the driver jumped, straight to that deadline.
        var clock = new VirtualTimeProvider(Start);
        var seenIdle = clock.Epoch;
        var work = clock.Begin();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30), clock);

        Assert.False(clock.AdvanceToNextTimerIfIdleSince(seenIdle));
        Assert.Equal(Start, clock.GetUtcNow());
        Assert.False(deadline.IsCancellationRequested);

        // Ended work is still a change since the idle check: the driver must look again first.
        work.Dispose();
        Assert.False(clock.AdvanceToNextTimerIfIdleSince(seenIdle));
        Assert.True(clock.AdvanceToNextTimerIfIdleSince(clock.Epoch));
        Assert.Equal(Start.AddSeconds(30), clock.GetUtcNow());
    }

    [Fact]
    public void AdvanceToNextTimerIfIdleSince_TimerArmedAfterTheIdleCheck_DoesNotJump()
    {
        var clock = new VirtualTimeProvider(Start);
        using var early = clock.CreateTimer(_ => { }, null, TimeSpan.FromMinutes(5), Timeout.InfiniteTimeSpan);
        var seenIdle = clock.Epoch;
        using var later = clock.CreateTimer(_ => { }, null, TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);

        Assert.False(clock.AdvanceToNextTimerIfIdleSince(seenIdle));
        Assert.Equal(Start, clock.GetUtcNow());
    }

    [Fact]
    public void AdvanceToNextTimerIfIdleSince_OpenScopeSinceBeforeTheCheck_DoesNotJump()
    {
        var clock = new VirtualTimeProvider(Start);
        using var timer = clock.CreateTimer(_ => { }, null, TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);
        using var work = clock.Begin();

        Assert.False(clock.AdvanceToNextTimerIfIdleSince(clock.Epoch));
        Assert.Equal(Start, clock.GetUtcNow());
    }

    [Fact]
    public void AdvanceTo_LaterInstant_MovesTheClockThere()
    {
        var clock = new VirtualTimeProvider(Start);

        clock.AdvanceTo(Start.AddDays(3).ToOffset(TimeSpan.FromHours(2)));

        Assert.Equal(Start.AddDays(3), clock.GetUtcNow());
        Assert.Equal(TimeSpan.Zero, clock.GetUtcNow().Offset);
    }

    [Fact]
    public void AdvanceTo_EarlierInstant_NeverMovesTheClockBack()
    {
        var clock = new VirtualTimeProvider(Start);

        clock.AdvanceTo(Start.AddHours(-1));

        Assert.Equal(Start, clock.GetUtcNow());
    }

    [Fact]
    public async Task AdvanceTo_PastAPendingTimer_FiresItAtTheNextAdvanceWithoutMovingBack()
    {
        var clock = new VirtualTimeProvider(Start);
        var delay = Task.Delay(TimeSpan.FromMinutes(5), clock);

        clock.AdvanceTo(Start.AddHours(1));
        Assert.True(clock.AdvanceToNextTimer());

        await delay.WaitAsync(Bound);
        Assert.Equal(Start.AddHours(1), clock.GetUtcNow());
    }

    [Fact]
    public async Task AdvanceToNextTimer_TwoDelays_FireInDueOrderAndClockJumpsExactly()
    {
        var clock = new VirtualTimeProvider(Start);
        var order = new List<string>();
        var late = Task.Delay(TimeSpan.FromHours(2), clock).ContinueWith(_ => { lock (order) { order.Add("late"); } }, TaskScheduler.Default);
        var early = Task.Delay(TimeSpan.FromMinutes(30), clock).ContinueWith(_ => { lock (order) { order.Add("early"); } }, TaskScheduler.Default);

        Assert.True(clock.AdvanceToNextTimer());
        await early.WaitAsync(Bound);
        Assert.Equal(Start.AddMinutes(30), clock.GetUtcNow());
        Assert.False(late.IsCompleted);

        Assert.True(clock.AdvanceToNextTimer());
        await late.WaitAsync(Bound);
        Assert.Equal(Start.AddHours(2), clock.GetUtcNow());
        Assert.Equal(["early", "late"], order);
    }

    [Fact]
    public async Task AdvanceToNextTimer_TimersDueTogether_FireTogether()
    {
        var clock = new VirtualTimeProvider(Start);
        var a = Task.Delay(TimeSpan.FromMinutes(5), clock);
        var b = Task.Delay(TimeSpan.FromMinutes(5), clock);

        Assert.True(clock.AdvanceToNextTimer());

        await Task.WhenAll(a, b).WaitAsync(Bound);
        Assert.Equal(0, clock.PendingTimers);
    }

    [Fact]
    public void AdvanceToNextTimer_DisposedTimer_IsSkipped()
    {
        var clock = new VirtualTimeProvider(Start);
        var fired = 0;
        var cancelled = clock.CreateTimer(_ => Interlocked.Increment(ref fired), null, TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);
        using var kept = clock.CreateTimer(_ => { }, null, TimeSpan.FromMinutes(10), Timeout.InfiniteTimeSpan);
        cancelled.Dispose();

        Assert.True(clock.AdvanceToNextTimer());

        Assert.Equal(Start.AddMinutes(10), clock.GetUtcNow());
        Assert.Equal(0, Volatile.Read(ref fired));
    }

    [Fact]
    public async Task CancellationTokenSource_WithVirtualTimeout_CancelsWhenClockReachesIt()
    {
        var clock = new VirtualTimeProvider(Start);
        using var cts = new CancellationTokenSource(TimeSpan.FromHours(1), clock);
        var cancelled = new TaskCompletionSource();
        cts.Token.Register(() => cancelled.TrySetResult());

        Assert.False(cts.IsCancellationRequested);
        Assert.True(clock.AdvanceToNextTimer());

        await cancelled.Task.WaitAsync(Bound);
        Assert.Equal(Start.AddHours(1), clock.GetUtcNow());
    }

    [Fact]
    public async Task PeriodicTimer_Fires_EveryPeriod()
    {
        var clock = new VirtualTimeProvider(Start);
        var ticks = 0;
        var third = new TaskCompletionSource();
        using var timer = clock.CreateTimer(
            _ =>
            {
                if (Interlocked.Increment(ref ticks) == 3)
                {
                    third.TrySetResult();
                }
            },
            null,
            TimeSpan.FromMinutes(1),
            TimeSpan.FromMinutes(1));

        for (var i = 0; i < 3; i++)
        {
            Assert.True(clock.AdvanceToNextTimer());
        }

        await third.Task.WaitAsync(Bound);
        Assert.Equal(Start.AddMinutes(3), clock.GetUtcNow());
    }

    [Fact]
    public void Begin_OpenScope_IsCountedUntilDisposed()
    {
        var clock = new VirtualTimeProvider(Start);
        var before = clock.Epoch;

        using (clock.Begin())
        {
            Assert.Equal(1, clock.OpenScopes);
        }

        Assert.Equal(0, clock.OpenScopes);
        Assert.True(clock.Epoch > before);
    }

    [Fact]
    public async Task Driver_IdleProcess_AdvancesThroughAChainOfDelays()
    {
        var clock = new VirtualTimeProvider(Start);
        var driver = new VirtualClockDriver(clock);
        using var stop = new CancellationTokenSource();
        var driving = driver.RunAsync(stop.Token);

        // Ten sequential one-hour waits: each one is created only after the previous fired.
        for (var i = 0; i < 10; i++)
        {
            await Task.Delay(TimeSpan.FromHours(1), clock).WaitAsync(Bound);
        }

        Assert.Equal(Start.AddHours(10), clock.GetUtcNow());
        await stop.CancelAsync();
        await driving.WaitAsync(Bound);
    }

    [Fact]
    public async Task Driver_OpenScope_HoldsTheClockUntilWorkEnds()
    {
        var clock = new VirtualTimeProvider(Start);
        var driver = new VirtualClockDriver(clock);
        using var stop = new CancellationTokenSource();
        var scope = clock.Begin();
        var delay = Task.Delay(TimeSpan.FromMinutes(5), clock);
        var driving = driver.RunAsync(stop.Token);

        // While work is open the clock must not move; give the driver many settle rounds on the
        // real clock (bounded by a real-time wait on a task that never completes on its own).
        var neverCompletes = new TaskCompletionSource();
        await Assert.ThrowsAsync<TimeoutException>(() => neverCompletes.Task.WaitAsync(TimeSpan.FromMilliseconds(100)));
        Assert.Equal(Start, clock.GetUtcNow());
        Assert.False(delay.IsCompleted);

        scope.Dispose();
        await delay.WaitAsync(Bound);
        Assert.Equal(Start.AddMinutes(5), clock.GetUtcNow());
        await stop.CancelAsync();
        await driving.WaitAsync(Bound);
    }

    [Fact]
    public async Task AdvanceToNextTimer_CallbackCountsAsWorkUntilItReturns()
    {
        var clock = new VirtualTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var release = new ManualResetEventSlim();
        using var timer = clock.CreateTimer(
            _ =>
            {
                entered.TrySetResult();
                release.Wait(TimeSpan.FromSeconds(10));
            },
            null,
            TimeSpan.FromMinutes(5),
            Timeout.InfiniteTimeSpan);

        Assert.True(clock.AdvanceToNextTimer());

        // Counted from the jump itself, before the callback has even started.
        Assert.Equal(1, clock.OpenScopes);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, clock.OpenScopes);
        release.Set();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (clock.OpenScopes != 0)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "the timer's unit of work was never closed");
            await Task.Yield();
        }
    }
}
