using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Instruments.Sdk.Tests.Fakes;
using static SelfDrivingLab.Simulators.Tests.Drivers.SimulatorTestData;

namespace SelfDrivingLab.Simulators.Tests.Drivers;

public sealed class SimulatorFactoryTests
{
    [Fact]
    public async Task Create_SameSeedAndInstrument_ProducesIdenticalMeasurementsAndDurations()
    {
        var first = await MeasureAsync("xrd1", seed: 42);
        var second = await MeasureAsync("xrd1", seed: 42);

        Assert.Equal(first.Values, second.Values);
        Assert.Equal(first.Durations, second.Durations);
        Assert.True(first.Durations.Distinct().Count() > 1, "durations should vary with a non-zero standard deviation");
    }

    [Fact]
    public async Task Create_DifferentSeedOrInstrument_ProducesDifferentStreams()
    {
        var baseline = await MeasureAsync("xrd1", seed: 42);

        Assert.NotEqual(baseline.Values, (await MeasureAsync("xrd1", seed: 43)).Values);
        Assert.NotEqual(baseline.Values, (await MeasureAsync("xrd2", seed: 42)).Values);
    }

    [Fact]
    public void StableSeed_SameInputs_SameSeedAndSensitiveToEachInput()
    {
        Assert.Equal(StableSeed.Derive(7, "lab1/xrd1"), StableSeed.Derive(7, "lab1/xrd1"));
        Assert.NotEqual(StableSeed.Derive(7, "lab1/xrd1"), StableSeed.Derive(8, "lab1/xrd1"));
        Assert.NotEqual(StableSeed.Derive(7, "lab1/xrd1"), StableSeed.Derive(7, "lab1/xrd2"));
    }

    [Fact]
    public void Create_UnknownType_NamesTypeAndKnownOnes()
    {
        var definition = Synthesis() with { Type = "teleporter" };

        var error = Assert.Throws<ArgumentException>(() => SimulatorFactory.Create(definition, new SiteId("lab1"), TimeProvider.System, 1));

        Assert.Contains("'teleporter'", error.Message, StringComparison.Ordinal);
        Assert.Contains("characterization", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_CharacterizationWithoutGroundTruth_Throws() =>
        Assert.Throws<ArgumentException>(() => SimulatorFactory.Create(Characterization() with { GroundTruth = null }, new SiteId("lab1"), TimeProvider.System, 1));

    // Five noisy measurements with variable durations: the values and how long each took.
    private static async Task<(List<double> Values, List<TimeSpan> Durations)> MeasureAsync(string instrument, int seed)
    {
        var time = new TimerSignallingTimeProvider(Start);
        var definition = Characterization(instrument, noise: 0.1) with { Duration = new(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(3)) };
        var driver = SimulatorFactory.Create(definition, new SiteId("lab1"), time, seed);
        var values = new List<double>();
        var durations = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            var timersBefore = time.DueTimes.Count;
            var run = driver.ExecuteAsync(Context("measure", XY(1, 2)), CancellationToken.None).AsTask();

            // The whole-duration timer is created first, synchronously, when the action starts.
            var duration = time.DueTimes[timersBefore];
            time.Advance(duration - TimeSpan.FromTicks(1));
            Assert.False(run.IsCompleted);
            time.Advance(TimeSpan.FromTicks(1));
            values.Add((await run.WaitAsync(Bound))["loss"].Number);
            durations.Add(duration);
        }

        return (values, durations);
    }
}
