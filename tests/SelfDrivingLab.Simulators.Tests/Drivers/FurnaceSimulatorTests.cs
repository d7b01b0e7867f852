using Microsoft.Extensions.Time.Testing;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Protocol.Messages;
using static SelfDrivingLab.Simulators.Tests.Drivers.SimulatorTestData;

namespace SelfDrivingLab.Simulators.Tests.Drivers;

public sealed class FurnaceSimulatorTests
{
    public static SimulatedInstrumentDefinition Furnace(DurationDistribution? overhead = null, FurnaceSettings? settings = null) =>
        new(new InstrumentId("furnace1"), "furnace", "anneal", overhead ?? DurationDistribution.Fixed(TimeSpan.FromMinutes(5)), 0, null, [])
        {
            Settings = settings ?? FurnaceSettings.Default with { RampCelsiusPerMinute = 10 },
        };

    [Fact]
    public async Task Execute_TakesRampPlusDwellPlusOverheadAndEchoesWithDefaults()
    {
        var time = new FakeTimeProvider(Start);
        var driver = SimulatorFactory.Create(Furnace(), new SiteId("lab1"), time, seed: 1);
        var parameters = new ParameterSet([new("temperature_c", 425.0), new("duration_min", 20.0), new("sample_id", "disp-0007")]);

        // Ramp (425 - 25) / 10 = 40 min, dwell 20 min, overhead 5 min.
        var run = driver.ExecuteAsync(Context("anneal", parameters), CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromMinutes(64.99));
        Assert.False(run.IsCompleted);
        time.Advance(TimeSpan.FromMinutes(0.01));
        var results = await run.WaitAsync(Bound);

        Assert.Equal("disp-0007", results["sample_id"].Text);
        Assert.Equal("air", results["atmosphere"].Text);
        Assert.Equal(425.0, results.GetNumber("final_temperature_c"));
    }

    [Fact]
    public async Task Execute_WithoutSampleId_NumbersItsOwnSamples()
    {
        var time = new FakeTimeProvider(Start);
        var driver = SimulatorFactory.Create(Furnace(), new SiteId("lab1"), time, seed: 1);
        var parameters = new ParameterSet([new("temperature_c", 25.0), new("duration_min", 1.0), new("atmosphere", "argon")]);

        var run = driver.ExecuteAsync(Context("anneal", parameters), CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromMinutes(6));
        var results = await run.WaitAsync(Bound);

        Assert.Equal("furnace1-0001", results["sample_id"].Text);
        Assert.Equal("argon", results["atmosphere"].Text);
    }

    [Fact]
    public void Describe_OwnLimitsTightenedBySuppliedOnes()
    {
        var driver = SimulatorFactory.Create(Furnace(), new SiteId("lab1"), TimeProvider.System, 1, [new ParameterLimit("temperature_c", 100, 1500), new ParameterLimit("other")]);

        var capability = Assert.Single(driver.Describe(new InstrumentId("furnace1")).Capabilities);

        var temperature = capability.Parameters.Single(p => p.Name == "temperature_c");
        Assert.Equal((100.0, 1200.0, "degC"), (temperature.Min!.Value, temperature.Max!.Value, temperature.Unit));
        Assert.Equal(["temperature_c", "duration_min", "atmosphere", "sample_id"], capability.Parameters.Select(p => p.Name));
        Assert.Equal(["air", "argon", "nitrogen"], capability.Parameters.Single(p => p.Name == "atmosphere").Choices!);
        Assert.False(capability.Idempotent);
    }

    [Fact]
    public void Create_SuppliedLimitsNotOverlapping_ThrowsNamingTheParameter()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            SimulatorFactory.Create(Furnace(), new SiteId("lab1"), TimeProvider.System, 1, [new ParameterLimit("temperature_c", 1300, 1500)]));

        Assert.Contains("'temperature_c'", error.Message, StringComparison.Ordinal);
    }
}
