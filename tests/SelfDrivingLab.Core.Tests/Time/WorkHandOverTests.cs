using SelfDrivingLab.Core.Time;

namespace SelfDrivingLab.Core.Tests.Time;

// A virtual clock jumps when no unit of work is open. These tests pin the moments between one component's work and
// the next (a result handed to a waiter on the thread pool, a run's end and its awaiter resuming): with a unit open
// there, no driver can jump, however the threads are scheduled.
public sealed class WorkHandOverTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task TrySetResult_AfterTheCompletersWorkEnds_CountsAsWorkUntilTheWaiterHasRun()
    {
        var clock = new VirtualTimeProvider(Start);
        var source = new TrackedCompletionSource<int>(clock);
        using var waiterMayFinish = new ManualResetEventSlim();
        var waiter = source.Task.ContinueWith(_ => waiterMayFinish.Wait(Bound), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        using (clock.Begin())
        {
            Assert.True(source.TrySetResult(5));
        }

        // The completer's unit is closed and the waiter has not finished: the hand-over still counts.
        Assert.Equal(1, clock.OpenScopes);
        Assert.False(source.TrySetResult(6));
        waiterMayFinish.Set();
        Assert.True(await waiter.WaitAsync(Bound));
        Assert.Equal(5, await source.Task.WaitAsync(Bound));
    }

    [Fact]
    public async Task RunAsync_BodyEnds_HoldLastsUntilTheAwaiterHasResumed()
    {
        var clock = new VirtualTimeProvider(Start);
        var body = new TaskCompletionSource<int>();
        var run = WorkHold.RunAsync(clock, _ => body.Task);
        var openWhenResumed = -1;
        var awaiter = run.ContinueWith(_ => openWhenResumed = clock.OpenScopes, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        Assert.Equal(1, clock.OpenScopes);
        body.SetResult(7);

        Assert.Equal(1, openWhenResumed);
        Assert.Equal(0, clock.OpenScopes);
        Assert.Equal(7, await run.WaitAsync(Bound));
        await awaiter.WaitAsync(Bound);
    }

    [Fact]
    public async Task RunAsync_BodyThrows_ReleasesTheHoldAndFaults()
    {
        var clock = new VirtualTimeProvider(Start);

        var run = WorkHold.RunAsync<int>(clock, _ => Task.FromException<int>(new InvalidOperationException("boom")));

        await Assert.ThrowsAsync<InvalidOperationException>(() => run.WaitAsync(Bound));
        Assert.Equal(0, clock.OpenScopes);
    }
}
