using Microsoft.Extensions.Time.Testing;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Instruments.Sdk;
using SelfDrivingLab.Protocol.Messages;
using static SelfDrivingLab.Simulators.Tests.Drivers.SimulatorTestData;

namespace SelfDrivingLab.Simulators.Tests.Drivers;

public sealed class CharacterizationSimulatorTests
{
    [Fact]
    public async Task Execute_NoNoise_ReturnsGroundTruthUnderOutputNameAfterDuration()
    {
        var time = new FakeTimeProvider(Start);
        var driver = (CharacterizationSimulator)SimulatorFactory.Create(Characterization(), new SiteId("lab1"), time, seed: 5);

        var run = driver.ExecuteAsync(Context("measure", XY(3, -4).With("sample_id", "synth1-0001")), CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromMinutes(1.99));
        Assert.False(run.IsCompleted);
        time.Advance(TimeSpan.FromMinutes(0.01));
        var results = await run.WaitAsync(Bound);

        Assert.Equal(25.0, Assert.Single(results).Value.Number, 12);
        Assert.Equal("loss", results.Single().Key);
    }

    [Fact]
    public async Task Execute_FailureRate_FailsWithMeasurementFailedAtAboutThatRate()
    {
        const int runs = 1000;
        var time = new FakeTimeProvider(Start);
        var driver = SimulatorFactory.Create(Characterization(failureRate: 0.1), new SiteId("lab1"), time, seed: 9);

        var tasks = Enumerable.Range(0, runs).Select(_ => driver.ExecuteAsync(Context("measure", XY(1, 1)), CancellationToken.None).AsTask()).ToList();
        time.Advance(TimeSpan.FromMinutes(2));
        await Task.WhenAll(tasks.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default))).WaitAsync(Bound);

        var failures = tasks.Where(t => t.IsFaulted).ToList();
        Assert.All(failures, t => Assert.Equal("measurement_failed", Assert.IsType<InstrumentActionException>(t.Exception!.InnerException).Code));

        // Binomial(1000, 0.1): mean 100, sd 9.5; ±4.5 sd.
        Assert.InRange(failures.Count, 57, 143);
    }

    [Fact]
    public void Describe_RequiresGroundTruthInputsAndAcceptsOptionalSampleId()
    {
        var driver = SimulatorFactory.Create(Characterization(), new SiteId("lab1"), TimeProvider.System, 1, [new ParameterLimit("y", Min: -1, Max: 1)]);

        var capability = Assert.Single(driver.Describe(new InstrumentId("xrd1")).Capabilities);

        Assert.Equal(["x", "y", "sample_id"], capability.Parameters.Select(p => p.Name));
        Assert.Equal([true, true, false], capability.Parameters.Select(p => p.Required));
        Assert.Equal(-1, capability.Parameters[1].Min);
        Assert.Equal(["loss"], capability.Outputs);
    }

    [Fact]
    public async Task Execute_TextForNumericInput_FailsWithInvalidInput()
    {
        var driver = SimulatorFactory.Create(Characterization(), new SiteId("lab1"), new FakeTimeProvider(Start), 1);

        var error = await Assert.ThrowsAsync<InstrumentActionException>(async () =>
            await driver.ExecuteAsync(Context("measure", XY(1, 1).With("x", "one")), CancellationToken.None));

        Assert.Equal("invalid_input", error.Code);
        Assert.Contains("'x'", error.Message, StringComparison.Ordinal);
    }
}
