using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Hosting.Simulation;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Proposals;
using SelfDrivingLab.Optimization.Space;

namespace SelfDrivingLab.Hosting.Tests;

/// <summary>A campaign built in code is as valid as one from a file: the host runs a valid one and refuses an invalid one before anything starts.</summary>
[Collection(VirtualClockCollection.Name)]
public sealed class CampaignHostValidationTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RunAsync_ValidCampaignBuiltInCode_RunsToItsBudget()
    {
        var summary = await CampaignHost.RunAsync(new CampaignHostSettings(CodeBuilt()) { LedgerPath = _dir.File("ledger.db") }).WaitAsync(Bound);

        Assert.Equal((CampaignStatus.Completed, 4), (summary.Status, summary.Completed));
    }

    [Fact]
    public async Task RunAsync_InvalidCampaignBuiltInCode_RefusedBeforeAnythingStartsListingEveryProblem()
    {
        var definition = CodeBuilt() with
        {
            Parallel = 9,
            Steps = [Synthesis, Measurement with { Retry = new StepRetryPolicy(11, TimeSpan.FromSeconds(30)) }],
        };

        var error = await Assert.ThrowsAsync<CampaignHostException>(() => CampaignHost.RunAsync(new CampaignHostSettings(definition) { LedgerPath = _dir.File("ledger.db") }));

        Assert.True(error.IsStartupFailure);
        Assert.Equal(
            "campaign 'code-built' is not valid: 2 problems:\n  parallel: must be between 1 and 4 (the budget) (got 9)\n  workflow[1] (measure).retry.attempts: must be between 1 and 10 (got 11)",
            error.Message);
        Assert.False(File.Exists(_dir.File("ledger.db")), "nothing may start for an invalid campaign, not even the ledger");
    }

    [Fact]
    public void SimulatorHostBuild_InvalidCampaign_Refused()
    {
        var definition = CodeBuilt() with { Simulators = [Furnace, Meter, Furnace] };

        var error = Assert.Throws<CampaignHostException>(() => SimulatorHost.Build(new CampaignHostSettings(definition) { Broker = new BrokerAddress("127.0.0.1", 1883), VirtualTime = false }));

        Assert.Contains("simulators[2].id: simulator 'furnace-1' is already defined at simulators[0]", error.Message, StringComparison.Ordinal);
    }

    private static readonly WorkflowStepDefinition Synthesis = new(
        "anneal", "anneal", new Dictionary<string, ParameterBinding> { ["x"] = new ExperimentParameterBinding("x") }, TimeSpan.FromHours(2));

    private static readonly WorkflowStepDefinition Measurement = new(
        "measure",
        "measure",
        new Dictionary<string, ParameterBinding> { ["sample_id"] = new StepOutputBinding("anneal", "sample_id"), ["x"] = new ExperimentParameterBinding("x"), ["z"] = new ExperimentParameterBinding("z") },
        TimeSpan.FromHours(1));

    private static readonly SimulatedInstrumentDefinition Furnace = new(
        new InstrumentId("furnace-1"), SimulatorTypes.Synthesis, "anneal", DurationDistribution.Fixed(TimeSpan.FromMinutes(30)), 0, null, ["x"]);

    private static readonly SimulatedInstrumentDefinition Meter = new(
        new InstrumentId("meter-1"),
        SimulatorTypes.Characterization,
        "measure",
        DurationDistribution.Fixed(TimeSpan.FromMinutes(5)),
        0,
        new AnalyticGroundTruthDefinition("sphere", ["x", "z"], "y", 0),
        ["x", "z"]);

    private static CampaignDefinition CodeBuilt() => new(
        "code-built",
        null,
        new SiteId("lab"),
        Seed: 5,
        Budget: 4,
        Parallel: 1,
        new Objective("y", ObjectiveGoal.Minimize),
        new SearchSpace([new ContinuousParameter("x", -1, 1), new ContinuousParameter("z", -1, 1)]),
        ProposerSettings.Default(2, 5, 4) with { Surrogate = SurrogateKind.Random },
        [Synthesis, Measurement],
        [Furnace, Meter],
        SourceText: string.Empty,
        SourcePath: null);
}
