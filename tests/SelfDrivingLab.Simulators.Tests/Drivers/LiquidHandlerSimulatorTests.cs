using Microsoft.Extensions.Time.Testing;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Instruments.Sdk;
using static SelfDrivingLab.Simulators.Tests.Drivers.SimulatorTestData;

namespace SelfDrivingLab.Simulators.Tests.Drivers;

public sealed class LiquidHandlerSimulatorTests
{
    public static SimulatedInstrumentDefinition Dispenser() =>
        new(new InstrumentId("disp1"), "liquid-handler", "dispense", DurationDistribution.Fixed(TimeSpan.FromMinutes(3)), 0, null, [])
        {
            Settings = new LiquidHandlerSettings(["pb", "sn"], CapacityMicroliters: 200, MaxVolumeMicroliters: 150),
        };

    [Fact]
    public async Task Execute_ReturnsSampleTotalAndVolumeFractionsAfterItsDuration()
    {
        var time = new FakeTimeProvider(Start);
        var driver = SimulatorFactory.Create(Dispenser(), new SiteId("lab1"), time, seed: 1);

        var run = driver.ExecuteAsync(Context("dispense", new ParameterSet([new("pb_ul", 30.0), new("sn_ul", 90.0)])), CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromMinutes(2.99));
        Assert.False(run.IsCompleted);
        time.Advance(TimeSpan.FromMinutes(0.01));
        var results = await run.WaitAsync(Bound);

        Assert.Equal("disp1-0001", results["sample_id"].Text);
        Assert.Equal(120.0, results.GetNumber("total_ul"));
        Assert.Equal(0.25, results.GetNumber("pb_fraction"), 12);
        Assert.Equal(0.75, results.GetNumber("sn_fraction"), 12);
    }

    [Fact]
    public async Task Execute_MissingStock_CountsAsZero()
    {
        var time = new FakeTimeProvider(Start);
        var driver = SimulatorFactory.Create(Dispenser(), new SiteId("lab1"), time, seed: 1);

        var run = driver.ExecuteAsync(Context("dispense", new ParameterSet([new("sn_ul", 10.0)])), CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromMinutes(3));
        var results = await run.WaitAsync(Bound);

        Assert.Equal((0.0, 1.0), (results.GetNumber("pb_fraction"), results.GetNumber("sn_fraction")));
    }

    [Theory]
    [InlineData(150.0, 60.0, "over_capacity", "210 uL in total exceeds the vial capacity of 200 uL")]
    [InlineData(0.0, 0.0, "nothing_dispensed", "every stock volume is 0 uL")]
    public async Task Execute_BadTotal_FailsAtOnceWithCode(double pb, double sn, string code, string message)
    {
        var driver = SimulatorFactory.Create(Dispenser(), new SiteId("lab1"), new FakeTimeProvider(Start), seed: 1);

        var error = await Assert.ThrowsAsync<InstrumentActionException>(async () =>
            await driver.ExecuteAsync(Context("dispense", new ParameterSet([new("pb_ul", pb), new("sn_ul", sn)])), CancellationToken.None));

        Assert.Equal(code, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_VolumePerStockWithinMaximumAndFractionOutputs()
    {
        var driver = SimulatorFactory.Create(Dispenser(), new SiteId("lab1"), TimeProvider.System, 1, [new("sn_ul", 0, 120)]);

        var capability = Assert.Single(driver.Describe(new InstrumentId("disp1")).Capabilities);

        Assert.Equal([("pb_ul", 150.0, false), ("sn_ul", 120.0, true)], capability.Parameters.Select(p => (p.Name, p.Max!.Value, p.Required)));
        Assert.Equal(["sample_id", "total_ul", "pb_fraction", "sn_fraction"], capability.Outputs);
    }
}
