using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Proposals;
using SelfDrivingLab.Optimization.Space;

namespace SelfDrivingLab.Workflow.Tests.Fakes;

internal static class TestCampaigns
{
    public static readonly WorkflowStepDefinition Synthesis = new(
        "synthesis",
        "anneal",
        new Dictionary<string, ParameterBinding>
        {
            ["temperature"] = new ExperimentParameterBinding("x"),
            ["atmosphere"] = new LiteralBinding(ParameterValue.FromText("argon")),
        },
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

    public static CampaignDefinition TwoSteps(int budget = 6, int parallel = 1, SurrogateKind surrogate = SurrogateKind.GaussianProcess) => new(
        "test-campaign",
        null,
        new SiteId("lab"),
        Seed: 3,
        Budget: budget,
        Parallel: parallel,
        new Objective("y", ObjectiveGoal.Maximize),
        new SearchSpace([new ContinuousParameter("x", 0, 1)]),
        new ProposerSettings(surrogate, AcquisitionKind.ExpectedImprovement, InitialDesignKind.Sobol, InitialCount: 3, Seed: 3, Restarts: 1, CandidateCount: 256),
        [Synthesis, Characterization],
        [],
        "name: test-campaign",
        null);
}
