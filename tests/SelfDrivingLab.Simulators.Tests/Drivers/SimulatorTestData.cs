using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Instruments.Sdk;

namespace SelfDrivingLab.Simulators.Tests.Drivers;

internal static class SimulatorTestData
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    public static SimulatedInstrumentDefinition Synthesis(string id = "synth1", double failureRate = 0, TimeSpan? mean = null, TimeSpan? sd = null) =>
        new(new InstrumentId(id), "synthesis", "synthesize", new DurationDistribution(mean ?? TimeSpan.FromMinutes(10), sd ?? TimeSpan.Zero), failureRate, null, ["x", "y"]);

    public static SimulatedInstrumentDefinition Characterization(string id = "xrd1", double failureRate = 0, double noise = 0) =>
        new(new InstrumentId(id), "characterization", "measure", new DurationDistribution(TimeSpan.FromMinutes(2), TimeSpan.Zero), failureRate,
            new AnalyticGroundTruthDefinition("sphere", ["x", "y"], "loss", noise), []);

    public static ParameterSet XY(double x, double y) => new([new("x", x), new("y", y)]);

    public static InstrumentActionContext Context(string action, ParameterSet parameters, List<double>? progress = null, TaskCompletionSource? progressed = null) =>
        new(new CommandId("c1"), action, parameters, null, (fraction, _) =>
        {
            lock (progress ?? [])
            {
                progress?.Add(fraction);
            }

            progressed?.TrySetResult();
            return ValueTask.CompletedTask;
        });
}
