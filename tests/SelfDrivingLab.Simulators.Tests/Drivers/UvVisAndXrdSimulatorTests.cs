using Microsoft.Extensions.Time.Testing;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using static SelfDrivingLab.Simulators.Tests.Drivers.SimulatorTestData;

namespace SelfDrivingLab.Simulators.Tests.Drivers;

public sealed class UvVisAndXrdSimulatorTests : IDisposable
{
    private readonly string _table = Path.Combine(Path.GetTempPath(), $"sdl-xrd-{Guid.NewGuid():N}.csv");

    public UvVisAndXrdSimulatorTests() =>
        File.WriteAllText(_table, "temperature_c,phase,crystallinity\n100,amorphous,0.1\n400,anatase,0.7\n400,anatase,0.8\n800,rutile,1.3\n");

    public void Dispose() => File.Delete(_table);

    [Fact]
    public async Task UvVis_AnalyticBandGap_ReturnsTheClosedFormUnderBandGapEv()
    {
        var time = new FakeTimeProvider(Start);
        var definition = new SimulatedInstrumentDefinition(new InstrumentId("uv1"), "uv-vis", "measure", DurationDistribution.Fixed(TimeSpan.FromMinutes(4)), 0,
            new AnalyticGroundTruthDefinition("perovskite_band_gap", ["x", "t"], "band_gap_ev", 0), []);
        var driver = SimulatorFactory.Create(definition, new SiteId("lab1"), time, seed: 3);

        var run = driver.ExecuteAsync(Context("measure", new ParameterSet([new("x", 0.5), new("t", 100.0)])), CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromMinutes(4));
        var results = await run.WaitAsync(Bound);

        // 1.55 * 0.5 + 1.24 * 0.5 - 0.75 * 0.25 + 0.10 * e^0.
        Assert.Equal(0.775 + 0.62 - 0.1875 + 0.10, results.GetNumber("band_gap_ev"), 12);
        Assert.Equal("simulator/uv-vis", driver.Describe(new InstrumentId("uv1")).Model);
        Assert.IsType<CharacterizationSimulator>(driver);
    }

    [Theory]
    [InlineData(90.0, "amorphous", 0.1)]
    [InlineData(450.0, "anatase", 0.75)]
    [InlineData(1000.0, "rutile", 1.0)]
    public async Task Xrd_ReturnsNearestPhaseLabelAsTextAndClampedCrystallinity(double temperature, string phase, double crystallinity)
    {
        var time = new FakeTimeProvider(Start);
        var driver = SimulatorFactory.Create(Xrd(replicates: false), new SiteId("lab1"), time, seed: 3);

        var run = driver.ExecuteAsync(Context("diffract", new ParameterSet([new("temperature_c", temperature)])), CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromMinutes(10));
        var results = await run.WaitAsync(Bound);

        Assert.Equal(phase, results["phase"].Text);
        Assert.Equal(crystallinity, results.GetNumber("crystallinity"), 12);
    }

    [Fact]
    public void Xrd_Describe_IsIdempotentWithLabelAndCrystallinityOutputs()
    {
        var capability = Assert.Single(SimulatorFactory.Create(Xrd(), new SiteId("lab1"), TimeProvider.System, 1).Describe(new InstrumentId("xrd1")).Capabilities);

        Assert.True(capability.Idempotent);
        Assert.Equal(["phase", "crystallinity"], capability.Outputs);
        Assert.Equal(["temperature_c", "sample_id"], capability.Parameters.Select(p => p.Name));
    }

    [Fact]
    public void Xrd_WithoutCrystallinitySettings_Throws() =>
        Assert.Throws<ArgumentException>(() => SimulatorFactory.Create(Xrd() with { Settings = null }, new SiteId("lab1"), TimeProvider.System, 1));

    private SimulatedInstrumentDefinition Xrd(bool replicates = true) =>
        new(new InstrumentId("xrd1"), "xrd", "diffract", DurationDistribution.Fixed(TimeSpan.FromMinutes(10)), 0,
            new TableGroundTruthDefinition(_table, ["temperature_c"], "phase", 0, replicates) { TextOutput = true }, [])
        {
            Settings = new XrdSettings(new TableGroundTruthDefinition(_table, ["temperature_c"], "crystallinity", 0, Replicates: false)),
        };
}
