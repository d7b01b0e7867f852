using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Proposals;
using SelfDrivingLab.Optimization.Space;

namespace SelfDrivingLab.Campaigns.Tests;

public sealed class CampaignLoaderTests : IDisposable
{
    private readonly CampaignFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void LoadFile_Quickstart_MapsTopLevelObjectiveAndProposer()
    {
        File.WriteAllText(_files.CampaignPath, CampaignFiles.Quickstart);

        var definition = CampaignLoader.LoadFile(_files.CampaignPath);

        Assert.Equal("crossed-barrel-quickstart", definition.Name);
        Assert.Equal("Find the toughest 3D-printed crossed-barrel structure.", definition.Description);
        Assert.Equal(new SiteId("lab"), definition.Site);
        Assert.Equal((42, 48, 2), (definition.Seed, definition.Budget, definition.Parallel));
        Assert.Equal(new Objective("toughness", ObjectiveGoal.Maximize), definition.Objective);
        Assert.Equal(
            new ProposerSettings(SurrogateKind.GaussianProcess, AcquisitionKind.ExpectedImprovement, InitialDesignKind.Sobol, 8, 42, KernelKind.Matern52, 4, 1.0, 0.01, 2048),
            definition.Proposer);
        Assert.Equal(CampaignFiles.Quickstart, definition.SourceText);
        Assert.Equal(Path.GetFullPath(_files.CampaignPath), definition.SourcePath);
    }

    [Fact]
    public void Parse_Quickstart_MapsSpace()
    {
        var space = _files.Parse(CampaignFiles.Quickstart).Space;

        Assert.Equal(new IntegerParameter("n", 6, 12, 2), space.Parameters[0]);
        Assert.Equal(new ContinuousParameter("theta", 0, 200), space.Parameters[1]);
        var solvent = Assert.IsType<CategoricalParameter>(space.Parameters[2]);
        Assert.Equal(["water", "ethanol"], solvent.Choices);
        Assert.Empty(space.Mixtures);
    }

    [Fact]
    public void ParseModel_StoredQuickstartTextAwayFromItsTables_HasTheModelButNoSimulators()
    {
        var text = File.ReadAllText(RepositoryPaths.Workflow("quickstart.yaml"));
        using var elsewhere = new TemporaryDirectory();

        // Parse resolves the simulator's ground-truth table against the given directory, where it is not.
        Assert.Throws<CampaignDefinitionException>(() => CampaignLoader.Parse(text, elsewhere.File("quickstart.yaml")));
        var model = CampaignLoader.ParseModel(text, elsewhere.File("."));

        Assert.Empty(model.Simulators);
        Assert.Equal(CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml")).Space.Parameters, model.Space.Parameters);
        Assert.Equal("toughness", model.Objective.Output);
    }

    [Fact]
    public void LoadFile_Units_AreReadForParametersAndObjectivesOnly()
    {
        var quickstart = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
        var bandGap = CampaignLoader.LoadFile(RepositoryPaths.Workflow("band-gap.yaml"));

        Assert.Equal(new Dictionary<string, string> { ["theta"] = "deg", ["r"] = "mm", ["t"] = "mm" }, quickstart.Units);
        Assert.Equal("eV", bandGap.Units["band_gap_ev"]);
        Assert.Equal(CampaignIdentity.Of(quickstart with { Units = new Dictionary<string, string>() }).Facts, CampaignIdentity.Of(quickstart).Facts);
    }

    [Fact]
    public void Parse_UnitThatIsNotAShortText_IsAnErrorNamingIt()
    {
        var yaml = CampaignFiles.Quickstart.Replace("objective: { output: toughness, goal: maximize }", "objective: { output: toughness, goal: maximize, unit: [J] }", StringComparison.Ordinal);

        var ex = Assert.Throws<CampaignDefinitionException>(() => _files.Parse(yaml));

        Assert.Contains("objective.unit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Quickstart_MapsWorkflowBindings()
    {
        var steps = _files.Parse(CampaignFiles.Quickstart).Steps;

        Assert.Equal(["synthesis", "characterization"], steps.Select(s => s.Name));
        Assert.Equal(("print", TimeSpan.FromHours(2)), (steps[0].Capability, steps[0].Deadline));
        Assert.Equal(new ExperimentParameterBinding("n"), steps[0].Parameters["n"]);
        Assert.Equal(new LiteralBinding(ParameterValue.FromNumber(0.4)), steps[0].Parameters["nozzle"]);
        Assert.Equal(new LiteralBinding(ParameterValue.FromText("0.5")), steps[0].Parameters["label"]); // quoted stays text
        Assert.Equal(new LiteralBinding(ParameterValue.FromText("fast")), steps[0].Parameters["note"]);
        Assert.Equal(new StepOutputBinding("synthesis", "sample_id"), steps[1].Parameters["sample_id"]);
        Assert.Equal(TimeSpan.FromHours(1), steps[1].Deadline);
    }

    [Fact]
    public void Parse_Quickstart_MapsSimulatorsWithResolvedTable()
    {
        var simulators = _files.Parse(CampaignFiles.Quickstart).Simulators;

        var printer = simulators[0];
        Assert.Equal((new InstrumentId("printer-1"), "synthesis", "print", 0.02), (printer.Id, printer.Type, printer.Capability, printer.FailureRate));
        Assert.Equal(new DurationDistribution(TimeSpan.FromMinutes(40), TimeSpan.FromMinutes(10)), printer.Duration);
        Assert.Equal(["n", "theta"], printer.Parameters);
        Assert.Null(printer.GroundTruth);

        var tester = simulators[1];
        Assert.Equal(0, tester.FailureRate);
        Assert.Equal(["n", "sample_id", "theta"], tester.Parameters); // default: the step's command parameters
        var table = Assert.IsType<TableGroundTruthDefinition>(tester.GroundTruth);
        Assert.Equal(_files.TablePath, table.Path);
        Assert.Equal(["n", "theta", "r", "t"], table.Inputs);
        Assert.Equal(("toughness", 0.0, true), (table.Output, table.NoiseStandardDeviation, table.Replicates));
    }

    [Fact]
    public void Parse_MinimalFile_AppliesDefaults()
    {
        const string yaml = """
            name: tiny
            budget: 10
            objective: { output: y, goal: target, target: 1.34 }
            space:
              - { name: x1, type: continuous, low: 0, high: 1 }
              - { name: x2, type: continuous, low: 0, high: 1 }
              - { name: x3, type: continuous, low: 0.001, high: 10, log: true }
            mixtures:
              - { components: [x1, x2] }
            workflow:
              - { name: measure, capability: measure, deadline: 90s }
            """;

        var definition = CampaignLoader.Parse(yaml);

        Assert.Equal((new SiteId("lab"), 0, 1, null), (definition.Site, definition.Seed, definition.Parallel, definition.Description));
        Assert.Equal(new Objective("y", ObjectiveGoal.Target, 1.34), definition.Objective);
        // No initial_design, surrogate or acquisition: exactly what bench campaign --strategy default measures.
        Assert.Equal(ProposerSettings.Default(dimensions: 3, seed: 0), definition.Proposer);
        Assert.Equal((SurrogateKind.GaussianProcess, AcquisitionKind.UpperConfidenceBound, 1.0, 6), (definition.Proposer.Surrogate, definition.Proposer.Acquisition, definition.Proposer.Beta, definition.Proposer.InitialCount));
        Assert.True(((ContinuousParameter)definition.Space.Parameters[2]).LogScale);
        Assert.Equal(["x1", "x2"], Assert.Single(definition.Space.Mixtures).Components);
        Assert.Empty(definition.Simulators);
        Assert.Empty(definition.Steps[0].Parameters);
        Assert.Null(definition.SourcePath);
    }

    [Fact]
    public void Parse_OtherProposerKinds_MapsThem()
    {
        var yaml = CampaignFiles.QuickstartWith("initial_design: { kind: sobol, count: 8 }", "initial_design: { kind: latin_hypercube, count: 48 }")
            .Replace("surrogate: { kind: gaussian_process, kernel: matern52, restarts: 4 }", "surrogate: { kind: bayesian_ridge }", StringComparison.Ordinal)
            .Replace("acquisition: { kind: expected_improvement, xi: 0.01 }", "acquisition: { kind: upper_confidence_bound, beta: 3.5, candidates: 512 }", StringComparison.Ordinal);

        var proposer = _files.Parse(yaml).Proposer;

        Assert.Equal(
            new ProposerSettings(SurrogateKind.BayesianRidge, AcquisitionKind.UpperConfidenceBound, InitialDesignKind.LatinHypercube, 48, 42, Beta: 3.5, CandidateCount: 512),
            proposer);
    }

    [Fact]
    public void Parse_RandomForestWithThompsonSampling_MapsThem()
    {
        var yaml = CampaignFiles.QuickstartWith("surrogate: { kind: gaussian_process, kernel: matern52, restarts: 4 }", "surrogate: { kind: random_forest }")
            .Replace("acquisition: { kind: expected_improvement, xi: 0.01 }", "acquisition: { kind: thompson_sampling }", StringComparison.Ordinal);

        var proposer = _files.Parse(yaml).Proposer;

        Assert.Equal((SurrogateKind.RandomForest, AcquisitionKind.ThompsonSampling), (proposer.Surrogate, proposer.Acquisition));
    }

    [Fact]
    public void Parse_ThompsonSamplingWithXi_IsAnError()
    {
        var yaml = CampaignFiles.QuickstartWith("acquisition: { kind: expected_improvement, xi: 0.01 }", "acquisition: { kind: thompson_sampling, xi: 0.1 }");

        var ex = Assert.Throws<CampaignDefinitionException>(() => _files.Parse(yaml));

        Assert.Contains("acquisition.xi", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AnalyticGroundTruth_MapsFunction()
    {
        var yaml = CampaignFiles.QuickstartWith(
            """
                  table: data/crossed_barrel.csv
                  inputs: [n, theta, r, t]
                  output: toughness
                  replicates: true
                  noise_sd: 0
            """,
            """
                  function: branin
                  inputs: [n, theta]
                  output: toughness
                  noise_sd: 0.5
            """);

        var truth = Assert.IsType<AnalyticGroundTruthDefinition>(_files.Parse(yaml).Simulators[1].GroundTruth);

        Assert.Equal(("branin", "toughness", 0.5), (truth.Function, truth.Output, truth.NoiseStandardDeviation));
        Assert.Equal(["n", "theta"], truth.Inputs);
    }
}
