using SelfDrivingLab.Campaigns.Definitions;
using static SelfDrivingLab.Campaigns.Tests.CampaignFiles;

namespace SelfDrivingLab.Campaigns.Tests.Loading;

public sealed class SimulatorSettingsLoaderTests : IDisposable
{
    private const string Lab = """
        name: band-gap
        budget: 10
        objective: { output: band_gap_ev, goal: target, target: 1.34 }
        space:
          - { name: pb_ul, type: continuous, low: 10, high: 100 }
          - { name: sn_ul, type: continuous, low: 0, high: 100 }
          - { name: temperature_c, type: continuous, low: 100, high: 300 }
        workflow:
          - name: dispensing
            capability: dispense
            deadline: 30m
            parameters: { pb_ul: $pb_ul, sn_ul: $sn_ul }
          - name: annealing
            capability: anneal
            deadline: 2h
            parameters: { sample_id: $steps.dispensing.sample_id, temperature_c: $temperature_c, duration_min: 20 }
          - name: measuring
            capability: uv-vis
            deadline: 1h
            parameters: { sn_fraction: $steps.dispensing.sn_fraction, anneal_c: $temperature_c }
        simulators:
          - id: dispenser-1
            type: liquid-handler
            capability: dispense
            stocks: [pb, sn]
            capacity_ul: 250
            max_volume_ul: 150
            duration: { distribution: fixed, value: 4m }
            faults: { reject: 0.05, fail: 0.1 }
          - id: furnace-1
            type: furnace
            capability: anneal
            temperature_c: { max: 900 }
            atmospheres: [argon]
            ramp_c_per_min: 5
            duration: { distribution: uniform, min: 5m, max: 15m }
          - id: uvvis-1
            type: uv-vis
            capability: uv-vis
            duration: { distribution: lognormal, mean: 6m, sd: 2m }
            faults: { hang: 0.01, disconnect: 0.02, duplicate: 0.1, late: 0.2, late_delay: { mean: 5m, sd: 1m } }
            ground_truth: { function: perovskite_band_gap, inputs: [sn_fraction, anneal_c], output: band_gap_ev, noise_sd: 0.01 }
          - id: xrd-1
            type: xrd
            capability: diffract
            duration: { mean: 20m, sd: 5m }
            ground_truth: { table: data/phases.csv, inputs: [temperature_c], output: phase, replicates: false }
            crystallinity: { table: data/phases.csv, inputs: [temperature_c], output: crystallinity }
        """;

    private readonly CampaignFiles _files = new();

    public SimulatorSettingsLoaderTests() =>
        File.WriteAllText(Path.Combine(_files.Directory, "data", "phases.csv"), "temperature_c,phase,crystallinity\n100,amorphous,0.1\n500,anatase,0.8\n");

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Parse_EveryNewSimulatorType_MapsSettingsDurationsAndFaults()
    {
        var simulators = _files.Parse(Lab).Simulators.ToDictionary(s => s.Id.Value);

        var dispenser = simulators["dispenser-1"];
        var liquid = (LiquidHandlerSettings)dispenser.Settings!;
        Assert.Equal((250.0, 150.0), (liquid.CapacityMicroliters, liquid.MaxVolumeMicroliters));
        Assert.Equal(["pb", "sn"], liquid.Stocks);
        Assert.Equal(DurationDistribution.Fixed(TimeSpan.FromMinutes(4)), dispenser.Duration);
        Assert.Equal(new FaultDefinition(Reject: 0.05, Fail: 0.1), dispenser.Faults);

        var furnace = (FurnaceSettings)simulators["furnace-1"].Settings!;
        Assert.Equal((25.0, 900.0, 1.0, 600.0, 5.0), (furnace.MinTemperatureC, furnace.MaxTemperatureC, furnace.MinDurationMinutes, furnace.MaxDurationMinutes, furnace.RampCelsiusPerMinute));
        Assert.Equal(["argon"], furnace.Atmospheres);
        Assert.Equal(DurationDistribution.Uniform(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15)), simulators["furnace-1"].Duration);
        Assert.Equal(FaultDefinition.None, simulators["furnace-1"].Faults);

        var uvVis = simulators["uvvis-1"];
        Assert.Equal(DurationDistribution.LogNormal(TimeSpan.FromMinutes(6), TimeSpan.FromMinutes(2)), uvVis.Duration);
        Assert.Equal(new FaultDefinition(Hang: 0.01, Disconnect: 0.02, Duplicate: 0.1, Late: 0.2, LateDelay: new DurationDistribution(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(1))), uvVis.Faults);
        Assert.Equal("perovskite_band_gap", ((AnalyticGroundTruthDefinition)uvVis.GroundTruth!).Function);

        var xrd = simulators["xrd-1"];
        var phase = (TableGroundTruthDefinition)xrd.GroundTruth!;
        Assert.Equal(("phase", true, false), (phase.Output, phase.TextOutput, phase.Replicates));
        var crystallinity = (TableGroundTruthDefinition)((XrdSettings)xrd.Settings!).Crystallinity;
        Assert.Equal(("crystallinity", false), (crystallinity.Output, crystallinity.TextOutput));
    }

    [Theory]
    [InlineData("faults: { reject: 0.05, fail: 0.1 }", "faults: { reject: 1.5 }", "simulators[0].faults.reject", "must be in [0, 1] (got 1.5)")]
    [InlineData("faults: { reject: 0.05, fail: 0.1 }", "faults: { reject: 0.6, fail: 0.5 }", "simulators[0].faults", "fault rates add up to 1.1")]
    [InlineData("faults: { reject: 0.05, fail: 0.1 }", "faults: { late: 0.1 }", "simulators[0].faults.late", "a late rate needs 'late_delay'")]
    [InlineData("faults: { reject: 0.05, fail: 0.1 }", "faults: { rejekt: 0.1 }", "simulators[0].faults.rejekt", "unknown key 'rejekt'; did you mean 'reject'?")]
    [InlineData("{ distribution: fixed, value: 4m }", "{ distribution: gamma, value: 4m }", "simulators[0].duration.distribution", "'gamma' is not a duration distribution; use normal, lognormal, uniform, fixed")]
    [InlineData("{ distribution: fixed, value: 4m }", "{ distribution: fixed, mean: 4m }", "simulators[0].duration.value", "'value' is required")]
    [InlineData("{ distribution: uniform, min: 5m, max: 15m }", "{ distribution: uniform, min: 15m, max: 5m }", "simulators[1].duration.max", "must be at least min (15m)")]
    [InlineData("stocks: [pb, sn]", "stocks: [pb, pb]", "simulators[0].stocks", "stock 'pb' is listed twice")]
    [InlineData("stocks: [pb, sn]", "stocks: [pb, s-n]", "simulators[0].stocks", "'s-n' is not a valid stock name")]
    [InlineData("max_volume_ul: 150", "max_volume_ul: 300", "simulators[0].max_volume_ul", "must be at most capacity_ul (250)")]
    [InlineData("temperature_c: { max: 900 }", "temperature_c: { min: 950, max: 900 }", "simulators[1].temperature_c.max", "max (900) must be above min (950)")]
    [InlineData("ramp_c_per_min: 5", "ramp_c_per_min: 0", "simulators[1].ramp_c_per_min", "must be above 0")]
    [InlineData("ramp_c_per_min: 5", "stocks: [a]", "simulators[1].stocks", "unknown key 'stocks'")]
    [InlineData("type: uv-vis", "type: uvvis", "simulators[2].type", "'uvvis' is not a simulator type; use synthesis, characterization, liquid-handler, furnace, uv-vis, xrd (did you mean 'uv-vis'?)")]
    public void Parse_BadNewKey_OneErrorWithPathAndLine(string oldText, string newText, string path, string message)
    {
        var yaml = LabWith(oldText, newText);

        var ex = _files.Fail(yaml);

        var error = Assert.Single(ex.Errors, e => e.Path == path);
        Assert.Equal(LineOf(yaml, newText), error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LiquidHandlerWithoutStocks_ReportsRequiredKeys()
    {
        var yaml = LabWith("    stocks: [pb, sn]\n    capacity_ul: 250\n    max_volume_ul: 150\n", string.Empty);

        var ex = _files.Fail(yaml);

        Assert.Contains(ex.Errors, e => e.Path == "simulators[0].stocks" && e.Message == "'stocks' is required" && e.Line == LineOf(yaml, "id: dispenser-1"));
        Assert.Contains(ex.Errors, e => e.Path == "simulators[0].capacity_ul" && e.Message == "'capacity_ul' is required");
    }

    [Fact]
    public void Parse_XrdWithAnalyticLabelsOrWithoutCrystallinity_IsRefused()
    {
        var yaml = LabWith("ground_truth: { table: data/phases.csv, inputs: [temperature_c], output: phase, replicates: false }", "ground_truth: { function: sphere, inputs: [temperature_c], output: phase }")
            .Replace("\n    crystallinity: { table: data/phases.csv, inputs: [temperature_c], output: crystallinity }", string.Empty, StringComparison.Ordinal);

        var ex = _files.Fail(yaml);

        Assert.Contains(ex.Errors, e => e.Path == "simulators[3].ground_truth.function" && e.Message.Contains("a phase label comes from a 'table'", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Path == "simulators[3].crystallinity" && e.Message == "'crystallinity' is required");
    }

    [Fact]
    public void Parse_GroundTruthOnAFurnace_IsRefused()
    {
        var yaml = LabWith("    ramp_c_per_min: 5\n", "    ramp_c_per_min: 5\n    ground_truth: { function: sphere, inputs: [x], output: y }\n");

        var ex = _files.Fail(yaml);

        var error = Assert.Single(ex.Errors);
        Assert.Equal(("simulators[1].ground_truth", "only characterization, uv-vis, xrd simulators have a ground truth"), (error.Path, error.Message));
    }

    private static string LabWith(string oldText, string newText)
    {
        Assert.Contains(oldText, Lab, StringComparison.Ordinal);
        return Lab.Replace(oldText, newText, StringComparison.Ordinal);
    }
}
