using Microsoft.Extensions.Time.Testing;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Instruments.Sdk;
using SelfDrivingLab.Protocol.Messages;
using static SelfDrivingLab.Simulators.Tests.Drivers.SimulatorTestData;

namespace SelfDrivingLab.Simulators.Tests.Drivers;

public sealed class SynthesisSimulatorTests
{
    [Fact]
    public async Task Execute_FixedDuration_CompletesOnlyWhenTheClockHasAdvancedAndReportsHalfWay()
    {
        var time = new FakeTimeProvider(Start);
        var driver = new SynthesisSimulator(Synthesis(), time, new Random(1));
        var progress = new List<double>();
        var progressed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var run = driver.ExecuteAsync(Context("synthesize", XY(1, 2), progress, progressed), CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromMinutes(4.9));
        Assert.False(run.IsCompleted);
        Assert.Empty(progress);
        time.Advance(TimeSpan.FromMinutes(0.1));
        await progressed.Task.WaitAsync(Bound);
        time.Advance(TimeSpan.FromMinutes(4.9));
        Assert.False(run.IsCompleted);
        time.Advance(TimeSpan.FromMinutes(0.1));
        var results = await run.WaitAsync(Bound);

        Assert.Equal([0.5], progress);
        Assert.Equal("synth1-0001", results["sample_id"].Text);
        Assert.Equal(1.0, results.GetNumber("x"));
        Assert.Equal(2.0, results.GetNumber("y"));
    }

    [Fact]
    public async Task Execute_Twice_NumbersSamplesInOrder()
    {
        var time = new FakeTimeProvider(Start);
        var driver = new SynthesisSimulator(Synthesis(), time, new Random(1));

        var first = driver.ExecuteAsync(Context("synthesize", XY(1, 2)), CancellationToken.None).AsTask();
        var second = driver.ExecuteAsync(Context("synthesize", XY(3, 4)), CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal("synth1-0001", (await first.WaitAsync(Bound))["sample_id"].Text);
        Assert.Equal("synth1-0002", (await second.WaitAsync(Bound))["sample_id"].Text);
    }

    [Fact]
    public async Task Execute_FailureRate_IsHonouredStatistically()
    {
        const int runs = 1000;
        var time = new FakeTimeProvider(Start);
        var driver = new SynthesisSimulator(Synthesis(failureRate: 0.3, mean: TimeSpan.FromSeconds(1)), time, new Random(2026));

        var tasks = Enumerable.Range(0, runs).Select(_ => driver.ExecuteAsync(Context("synthesize", XY(0, 0)), CancellationToken.None).AsTask()).ToList();
        time.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(tasks.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default))).WaitAsync(Bound);

        var failures = tasks.Where(t => t.IsFaulted).ToList();
        Assert.All(failures, t => Assert.Equal("synthesis_failed", Assert.IsType<InstrumentActionException>(t.Exception!.InnerException).Code));

        // Binomial(1000, 0.3): mean 300, sd 14.5; ±4.5 sd.
        Assert.InRange(failures.Count, 235, 365);
    }

    [Fact]
    public async Task Execute_Cancelled_StopsWaiting()
    {
        var time = new FakeTimeProvider(Start);
        var driver = new SynthesisSimulator(Synthesis(), time, new Random(1));
        using var cancellation = new CancellationTokenSource();

        var run = driver.ExecuteAsync(Context("synthesize", XY(1, 2)), cancellation.Token).AsTask();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Bound));
    }

    [Fact]
    public void Describe_WithHostLimits_AnnouncesThemAndUnconstrainedForTheRest()
    {
        var driver = new SynthesisSimulator(Synthesis(), new FakeTimeProvider(Start), new Random(1), [new ParameterLimit("x", Min: 0, Max: 1)]);

        var capability = Assert.Single(driver.Describe(new InstrumentId("synth1")).Capabilities);

        Assert.Equal("synthesize", capability.Name);
        Assert.Equal(["x", "y"], capability.Parameters.Select(p => p.Name));
        Assert.Equal(1, capability.Parameters[0].Max);
        Assert.Null(capability.Parameters[1].Max);
        Assert.True(capability.Parameters[1].Required);
        Assert.Contains("sample_id", capability.Outputs);
    }

    [Fact]
    public void Constructor_FailureRateOfOne_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new SynthesisSimulator(Synthesis(failureRate: 1), TimeProvider.System, new Random(1)));

    [Fact]
    public async Task Execute_TextParameter_IsEchoed()
    {
        var time = new FakeTimeProvider(Start);
        var driver = new SynthesisSimulator(Synthesis(), time, new Random(1));

        var run = driver.ExecuteAsync(Context("synthesize", XY(1, 2).With("precursor", "PbI2")), CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(ParameterValue.FromText("PbI2"), (await run.WaitAsync(Bound))["precursor"]);
    }
}
