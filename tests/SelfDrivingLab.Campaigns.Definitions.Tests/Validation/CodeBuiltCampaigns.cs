using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Proposals;
using SelfDrivingLab.Optimization.Space;

namespace SelfDrivingLab.Campaigns.Definitions.Tests.Validation;

/// <summary>A valid campaign built in code (no file): a synthesis step, then a measurement of <c>y</c> by simulators.</summary>
internal static class CodeBuiltCampaigns
{
    public static readonly WorkflowStepDefinition Synthesis = new(
        "synthesis",
        "anneal",
        new Dictionary<string, ParameterBinding> { ["temperature"] = new ExperimentParameterBinding("x") },
        TimeSpan.FromHours(2));

    public static readonly WorkflowStepDefinition Characterization = new(
        "characterization",
        "measure",
        new Dictionary<string, ParameterBinding>
        {
            ["sample_id"] = new StepOutputBinding("synthesis", "sample_id"),
            ["x"] = new ExperimentParameterBinding("x"),
        },
        TimeSpan.FromHours(1));

    public static readonly SimulatedInstrumentDefinition Furnace = new(
        new InstrumentId("furnace-1"), SimulatorTypes.Synthesis, "anneal", DurationDistribution.Fixed(TimeSpan.FromMinutes(30)), 0, null, ["temperature"]);

    public static readonly SimulatedInstrumentDefinition Meter = new(
        new InstrumentId("meter-1"),
        SimulatorTypes.Characterization,
        "measure",
        DurationDistribution.Fixed(TimeSpan.FromMinutes(5)),
        0,
        new AnalyticGroundTruthDefinition("sphere", ["x"], "y", 0),
        ["x", "sample_id"]);

    public static SearchSpace Space { get; } = new([new ContinuousParameter("x", 0, 1), new ContinuousParameter("z", 0, 1)]);

    public static CampaignDefinition Valid(string name = "code-built") => new(
        name,
        "built in code",
        new SiteId("lab"),
        Seed: 1,
        Budget: 8,
        Parallel: 2,
        new Objective("y", ObjectiveGoal.Minimize),
        Space,
        ProposerSettings.Default(2, 1, 8),
        [Synthesis, Characterization],
        [Furnace, Meter],
        SourceText: string.Empty,
        SourcePath: null);

    public static CampaignDefinition WithSteps(params WorkflowStepDefinition[] steps) => Valid() with { Steps = steps };
}
