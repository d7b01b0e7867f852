using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Space;
using static SelfDrivingLab.Campaigns.Definitions.Tests.Validation.CodeBuiltCampaigns;

namespace SelfDrivingLab.Campaigns.Definitions.Tests.Validation;

/// <summary>A campaign built in code is checked by the same rules as one read from a file, with the file's paths.</summary>
public sealed class CampaignValidatorTests
{
    [Fact]
    public void Validate_ValidCodeBuiltCampaign_NoProblems()
    {
        Assert.Empty(CampaignValidator.Validate(Valid()));
    }

    [Fact]
    public void Validate_RetryAttemptsOutOfRange_PathNamesTheStepAndTheField()
    {
        var campaign = WithSteps(Synthesis, Characterization with { Retry = new StepRetryPolicy(0, TimeSpan.FromSeconds(30)) });

        var problem = Assert.Single(CampaignValidator.Validate(campaign));

        Assert.Equal(new ValidationProblem("workflow[1] (characterization).retry.attempts", "must be between 1 and 10 (got 0)"), problem);
        Assert.Equal("workflow[1] (characterization).retry.attempts: must be between 1 and 10 (got 0)", problem.ToString());
    }

    [Fact]
    public void Validate_SeveralProblems_AllReported()
    {
        var campaign = Valid() with
        {
            Name = "bad name",
            Budget = 8,
            Parallel = 9,
            Priority = 11,
            Steps = [Synthesis with { Deadline = TimeSpan.Zero }, Characterization],
        };

        var problems = CampaignValidator.Validate(campaign);

        Assert.Equal(["name", "parallel", "priority", "workflow[0].deadline"], problems.Select(p => p.Path).Order(StringComparer.Ordinal));
        Assert.Contains(new ValidationProblem("parallel", "must be between 1 and 8 (the budget) (got 9)"), problems);
        Assert.Contains(new ValidationProblem("workflow[0].deadline", "must be positive (got 0s)"), problems);
    }

    [Fact]
    public void Validate_BindingToAnUnknownParameter_SuggestsTheClosest()
    {
        var step = Synthesis with { Parameters = new Dictionary<string, ParameterBinding> { ["temperature"] = new ExperimentParameterBinding("xx") } };

        var problem = Assert.Single(CampaignValidator.Validate(WithSteps(step, Characterization)));

        Assert.Equal(new ValidationProblem("workflow[0].parameters.temperature", "'$xx' names no search-space parameter (did you mean 'x'?)"), problem);
    }

    [Theory]
    [InlineData("characterization", "'$steps.characterization.sample_id' refers to step 'characterization', which is this step itself; only earlier steps' outputs can be used")]
    [InlineData("synthesys", "'$steps.synthesys.sample_id' refers to unknown step 'synthesys' (did you mean 'synthesis'?)")]
    public void Validate_StepOutputNotOfAnEarlierStep_IsAProblem(string step, string message)
    {
        var measure = Characterization with { Parameters = new Dictionary<string, ParameterBinding> { ["sample_id"] = new StepOutputBinding(step, "sample_id") } };

        var problem = Assert.Single(CampaignValidator.Validate(WithSteps(Synthesis, measure)));

        Assert.Equal(new ValidationProblem("workflow[1].parameters.sample_id", message), problem);
    }

    [Fact]
    public void Validate_SkipIfOnALaterStep_NamesThePolicy()
    {
        var first = Synthesis with { SkipIf = new StepSkipCondition("characterization", "y", ParameterValue.FromNumber(1), Negated: false) };

        var problem = Assert.Single(CampaignValidator.Validate(WithSteps(first, Characterization)));

        Assert.Equal("workflow[0] (synthesis).skip_if.step", problem.Path);
        Assert.Contains("step 'characterization' comes later", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DuplicateAndReservedStepNames_AreProblems()
    {
        var problems = CampaignValidator.Validate(WithSteps(Synthesis, Synthesis with { Name = "Completed" }, Characterization with { Name = "synthesis" }));

        Assert.Contains(problems, p => p.Path == "workflow[1].name" && p.Message.Contains("workflow state of its own", StringComparison.Ordinal));
        Assert.Contains(new ValidationProblem("workflow[2].name", "step 'synthesis' is already defined at workflow[0]"), problems);
    }

    [Fact]
    public void Validate_ObjectiveTheLastStepDoesNotMeasure_NamesWhatIsMeasured()
    {
        var campaign = Valid() with { Objective = new Objective("strength", ObjectiveGoal.Maximize) };

        var problem = Assert.Single(CampaignValidator.Validate(campaign));

        Assert.Equal(
            new ValidationProblem("objective.output", "objective output 'strength' is not measured by the last step 'characterization' (capability 'measure': meter-1 returns 'y')"),
            problem);
    }

    [Fact]
    public void Validate_RetryOnASimulatorThatIsNotIdempotent_IsAProblem()
    {
        var campaign = WithSteps(Synthesis with { Retry = new StepRetryPolicy(2, TimeSpan.FromSeconds(30)) }, Characterization);

        var problem = Assert.Single(CampaignValidator.Validate(campaign));

        Assert.Equal("workflow[0] (synthesis).retry", problem.Path);
        Assert.StartsWith("simulator furnace-1 does not declare 'anneal' idempotent", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CapabilityNoSimulatorOffers_SuggestsTheClosest()
    {
        var problem = Assert.Single(CampaignValidator.Validate(WithSteps(Synthesis with { Capability = "aneal" }, Characterization)));

        Assert.Equal(new ValidationProblem("workflow[0].capability", "no simulator offers capability 'aneal' (simulators offer anneal, measure) (did you mean 'anneal'?)"), problem);
    }

    [Fact]
    public void Validate_NameWhoseDerivedIdsAreTooLong_NamesTheLimit()
    {
        var problem = Assert.Single(CampaignValidator.Validate(Valid(new string('n', 120))));

        Assert.Equal("name", problem.Path);
        Assert.Contains($"over the id limit of {IdRules.MaxLength}", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ConflictingConstraintsWithoutASource_QuotesThemAndNamesTheirPaths()
    {
        var space = new SearchSpace(
            Space.Parameters,
            null,
            [
                new LinearConstraint(new Dictionary<string, double> { ["x"] = 1 }, 0.9),
                new LinearConstraint(new Dictionary<string, double> { ["x"] = 1, ["z"] = 1 }, 0.2),
                new LinearConstraint(new Dictionary<string, double> { ["x"] = -1 }, -0.5),
            ]);

        var problem = Assert.Single(CampaignValidator.Validate(Valid() with { Space = space }));

        Assert.Equal("constraints[1]", problem.Path);
        Assert.Equal(
            "the search space is empty: '1*x + 1*z <= 0.2' (constraints[1]) and '-1*x <= -0.5' (constraints[2]) conflict: no point satisfies them together within the bounds x in [0, 1], z in [0, 1]; loosen or remove one of them",
            problem.Message);
    }

    [Fact]
    public void Validate_ConflictingConstraintsWithASource_QuotesTheTextAsWrittenWithItsLines()
    {
        var space = new SearchSpace(
            Space.Parameters,
            null,
            [new LinearConstraint(new Dictionary<string, double> { ["x"] = 1 }, 0.2), new LinearConstraint(new Dictionary<string, double> { ["x"] = -1 }, -0.5)]);
        var source = new FakeSource(new Dictionary<string, (string, int)> { ["constraints[0]"] = ("x <= 0.2", 12), ["constraints[1]"] = ("x >= 0.5", 11) });

        var problem = Assert.Single(CampaignValidator.Validate(Valid() with { Space = space }, source));

        // In the file's order: the one written first is where the problem is reported.
        Assert.Equal("constraints[1]", problem.Path);
        Assert.Contains("'x >= 0.5' (line 11) and 'x <= 0.2' (line 12) conflict", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xx", "approval.safe_bounds.xx", "'xx' is not a parameter of the search space; did you mean 'x'?")]
    [InlineData("x", "approval.safe_bounds.x", "the lower bound 0.8 is above the upper bound 0.2")]
    public void Validate_BadSafeBound_NamesItsPath(string parameter, string path, string message)
    {
        var campaign = Valid() with { Approval = new ApprovalPolicy([new SafeBound(parameter, 0.8, 0.2, null)]) };

        Assert.Equal(new ValidationProblem(path, message), Assert.Single(CampaignValidator.Validate(campaign)));
    }

    [Fact]
    public void Validate_TwoSimulatorsWithOneId_IsAProblem()
    {
        var campaign = Valid() with { Simulators = [Furnace, Meter, Furnace] };

        Assert.Equal(new ValidationProblem("simulators[2].id", "simulator 'furnace-1' is already defined at simulators[0]"), Assert.Single(CampaignValidator.Validate(campaign)));
    }

    [Fact]
    public void Validate_TargetGoalWithoutATarget_AsksForOne()
    {
        var campaign = Valid() with { Objective = new Objective("y", ObjectiveGoal.Target) };

        Assert.Equal(new ValidationProblem("objective.target", "goal 'target' needs a target value, e.g. target: 1.34"), Assert.Single(CampaignValidator.Validate(campaign)));
    }

    [Fact]
    public void Validate_FacilityOfTwoCampaignsWithOneName_AndAStepNoSharedInstrumentOffers_BothReported()
    {
        var a = Valid("a") with { Simulators = [] };
        var b = Valid("a") with { Simulators = [], Steps = [Synthesis, Characterization with { Capability = "xrd" }] };
        var facility = new FacilityDefinition("f", null, new SiteId("lab"), [a, b], [Furnace, Meter], null);

        var problems = CampaignValidator.Validate(facility);

        Assert.Contains(new ValidationProblem("campaigns[1]", "two campaigns are named 'a'; campaign names must differ"), problems);
        Assert.Contains(new ValidationProblem("campaigns[1]", "campaign 'a' step 'characterization' needs capability 'xrd', which no simulator of the facility offers"), problems);
    }

    [Fact]
    public void Validate_FacilityOfOneCampaign_ReportsTheCampaignsProblemsUnprefixed()
    {
        var problems = CampaignValidator.Validate(FacilityDefinition.Single(Valid() with { Budget = 0 }));

        Assert.Contains(problems, p => p.Path == "budget");
    }

    [Fact]
    public void Describe_Problems_OneIndentedLinePerProblem()
    {
        var text = CampaignValidator.Describe("campaign 'x'", [new ValidationProblem("budget", "must be at least 1 (got 0)"), new ValidationProblem("", "whole")]);

        Assert.Equal("campaign 'x': 2 problems:\n  budget: must be at least 1 (got 0)\n  whole", text);
    }

    private sealed class FakeSource(Dictionary<string, (string Text, int Line)> places) : IDefinitionSource
    {
        public string? TextAt(string path) => places.TryGetValue(path, out var place) ? place.Text : null;

        public int? LineOf(string path) => places.TryGetValue(path, out var place) ? place.Line : null;
    }
}
