using SelfDrivingLab.Core.Time;

namespace SelfDrivingLab.Core.Tests.Time;

// A change (an instrument coming online, a quarantine lifted, an admission) wakes a waiting step on the thread pool;
// the hand-over must count as work until the waiter has run, or a virtual clock could jump to the step's wait limit.
public sealed class ChangeSignalTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Raise_AfterTheRaisersWorkEnds_CountsAsWorkUntilTheWaiterHasRun()
    {
        var clock = new VirtualTimeProvider(Start);
        var signal = new ChangeSignal(clock);
        using var waiterMayFinish = new ManualResetEventSlim();
        var waiter = signal.Next.ContinueWith(_ => waiterMayFinish.Wait(Bound), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        using (clock.Begin())
        {
            signal.Raise();
        }

        Assert.Equal(1, clock.OpenScopes);
        waiterMayFinish.Set();
        Assert.True(await waiter.WaitAsync(Bound));
        await WaitUntilAsync(() => clock.OpenScopes == 0);
    }

    [Fact]
    public async Task Next_ReadAfterARaise_WaitsForTheFollowingOne()
    {
        var clock = new VirtualTimeProvider(Start);
        var signal = new ChangeSignal(clock);
        var first = signal.Next;

        signal.Raise();
        var second = signal.Next;

        await first.WaitAsync(Bound);
        Assert.False(second.IsCompleted);
        signal.Raise();
        await second.WaitAsync(Bound);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        // The hand-over's unit closes on the pool thread right after the waiter returns; observe it, bounded.
        using var timeout = new CancellationTokenSource(Bound);
        while (!condition())
        {
            await Task.Yield();
            timeout.Token.ThrowIfCancellationRequested();
        }
    }
}
