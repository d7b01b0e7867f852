using static SelfDrivingLab.Campaigns.Tests.CampaignFiles;

namespace SelfDrivingLab.Campaigns.Tests;

public sealed class CampaignLoaderErrorTests : IDisposable
{
    private readonly CampaignFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Parse_BadDeadline_OneErrorWithPathLineAndFormattedMessage()
    {
        var yaml = QuickstartWith("deadline: 1h", "deadline: 3x");

        var ex = _files.Fail(yaml);

        var error = Assert.Single(ex.Errors);
        var line = LineOf(yaml, "deadline: 3x");
        Assert.Equal(new DefinitionError("workflow[1].deadline", "'3x' is not a duration (use e.g. 90s, 15m, 2h)", line), error);
        Assert.Equal($"quickstart.yaml: 1 problem:\n  line {line} workflow[1].deadline: '3x' is not a duration (use e.g. 90s, 15m, 2h)", ex.Message);
        Assert.Equal("quickstart.yaml", ex.FileName);
    }

    [Fact]
    public void Parse_SeveralProblems_AllReportedInFileOrder()
    {
        var yaml = QuickstartWith("deadline: 1h", "deadline: 3x")
            .Replace("budget: 48", "budget: 0", StringComparison.Ordinal)
            .Replace("high: 200", "high: -5", StringComparison.Ordinal);

        var ex = _files.Fail(yaml);

        Assert.Equal(["budget", "space[1].high", "workflow[1].deadline"], ex.Errors.Select(e => e.Path));
        Assert.Equal([LineOf(yaml, "budget:"), LineOf(yaml, "name: theta"), LineOf(yaml, "deadline: 3x")], ex.Errors.Select(e => e.Line));
        Assert.StartsWith("quickstart.yaml: 3 problems:\n  line ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("budget: must be at least 1 (got 0)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MisspeltTopLevelKey_SuggestsClosestAndReportsMissingOne()
    {
        var yaml = QuickstartWith("budget: 48", "budjet: 48");

        var ex = _files.Fail(yaml);

        AssertError(ex, "budjet", LineOf(yaml, "budjet"), "unknown key 'budjet'; did you mean 'budget'?");
        AssertError(ex, "budget", 1, "'budget' is required");
    }

    [Fact]
    public void Parse_UnknownNestedKeyWithNoNearMatch_ListsKnownKeys()
    {
        var yaml = QuickstartWith("restarts: 4 }", "restarts: 4, colour: red }");

        var ex = _files.Fail(yaml);

        AssertError(ex, "surrogate.colour", LineOf(yaml, "colour"), "unknown key 'colour'; expected one of kind, kernel, restarts");
    }

    [Fact]
    public void Parse_WrongScalarTypes_NameTheValue()
    {
        var yaml = QuickstartWith("seed: 42", "seed: many").Replace("replicates: true", "replicates: maybe", StringComparison.Ordinal);

        var ex = _files.Fail(yaml);

        AssertError(ex, "seed", LineOf(yaml, "seed:"), "'many' is not a whole number");
        AssertError(ex, "simulators[1].ground_truth.replicates", LineOf(yaml, "replicates"), "'maybe' is not true or false");
    }

    [Fact]
    public void Parse_UnknownAcquisitionKind_UsesTheRightArticle()
    {
        var yaml = QuickstartWith("kind: expected_improvement", "kind: thompson");

        var ex = _files.Fail(yaml);

        Assert.StartsWith("'thompson' is not an acquisition kind; use ", Assert.Single(ex.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ListWhereMappingExpected_SaysSo()
    {
        var yaml = QuickstartWith("objective: { output: toughness, goal: maximize }", "objective: [toughness]");

        var ex = _files.Fail(yaml);

        AssertError(ex, "objective", LineOf(yaml, "objective:"), "expected a mapping of keys and values, got a list");
    }

    [Theory]
    [InlineData("parallel: 2", "parallel: 60", "parallel", "must be between 1 and 48 (the budget) (got 60)")]
    [InlineData("count: 8", "count: 49", "initial_design.count", "must be between 1 and 48 (the budget) (got 49)")]
    [InlineData("step: 2", "step: 0", "space[0].step", "must be at least 1 (got 0)")]
    [InlineData("low: 6, high: 12", "low: 12, high: 6", "space[0].high", "must be above low (12) (got 6)")]
    [InlineData("failure_rate: 0.02", "failure_rate: 1", "simulators[0].failure_rate", "must be in [0, 1) (got 1)")]
    [InlineData("mean: 40m", "mean: 0s", "simulators[0].duration.mean", "must be positive (got 0s)")]
    [InlineData("noise_sd: 0", "noise_sd: -1", "simulators[1].ground_truth.noise_sd", "must be at least 0 (got -1)")]
    [InlineData("choices: [water, ethanol]", "choices: [water]", "space[2].choices", "needs at least two choices (got 1)")]
    [InlineData("xi: 0.01", "beta: 2", "acquisition.beta", "'beta' applies only to upper_confidence_bound")]
    public void Parse_ValueOutOfRange_NamesPathAndRange(string oldText, string newText, string path, string message)
    {
        var yaml = QuickstartWith(oldText, newText);

        var ex = _files.Fail(yaml);

        AssertError(ex, path, LineOf(yaml, newText), message);
    }

    [Fact]
    public void Parse_UnknownChoice_ListsOptionsAndSuggests()
    {
        var yaml = QuickstartWith("kind: gaussian_process", "kind: gaussian_proces");

        var ex = _files.Fail(yaml);

        AssertError(ex, "surrogate.kind", LineOf(yaml, "gaussian_proces"), "'gaussian_proces' is not a surrogate kind; use gaussian_process, bayesian_ridge, random_forest, random (did you mean 'gaussian_process'?)");
    }

    [Fact]
    public void Parse_InvalidCampaignName_SaysWhichCharactersAreAllowed()
    {
        var ex = _files.Fail(QuickstartWith("name: crossed-barrel-quickstart", "name: crossed barrel"));

        AssertError(ex, "name", 1, "'crossed barrel' is not a valid campaign name");
    }

    [Fact]
    public void Parse_GoalTargetWithoutTarget_AsksForTarget()
    {
        var yaml = QuickstartWith("goal: maximize", "goal: target");

        var ex = _files.Fail(yaml);

        AssertError(ex, "objective.target", LineOf(yaml, "objective:"), "goal 'target' needs a target value");
    }

    [Fact]
    public void Parse_SearchSpaceRejectsMixture_WrapsItsMessage()
    {
        var yaml = QuickstartWith("initial_design:", "mixtures:\n  - { components: [theta, ghost] }\ninitial_design:");

        var ex = _files.Fail(yaml);

        AssertError(ex, "mixtures", LineOf(yaml, "mixtures:") + 1, "Mixture component 'theta' must range linearly over [0, 1] (got [0, 200]).");
    }

    [Fact]
    public void Parse_DuplicateSpaceParameter_NamesIt()
    {
        var yaml = QuickstartWith("{ name: theta, type: continuous", "{ name: n, type: continuous");

        var ex = _files.Fail(yaml);

        AssertError(ex, "space[1].name", LineOf(yaml, "name: n, type: continuous"), "parameter 'n' is declared twice");
    }

    [Fact]
    public void Parse_UnknownExperimentParameter_SuggestsClosest()
    {
        var yaml = QuickstartWith("{ n: $n, theta: $theta, nozzle", "{ n: $n, theta: $thetaa, nozzle");

        var ex = _files.Fail(yaml);

        AssertError(ex, "workflow[0].parameters.theta", LineOf(yaml, "$thetaa"), "'$thetaa' names no search-space parameter (did you mean 'theta'?)");
    }

    [Theory]
    [InlineData("$steps.characterization.sample_id", "refers to step 'characterization', which comes later")]
    [InlineData("$steps.synthesis.sample_id", "refers to step 'synthesis', which is this step itself")]
    [InlineData("$steps.cleaning.sample_id", "refers to unknown step 'cleaning'")]
    [InlineData("$steps.synthesis", "is not a step reference; use $steps.<step>.<output>")]
    public void Parse_StepReferenceNotToAnEarlierStep_IsAnError(string reference, string message)
    {
        var yaml = QuickstartWith("nozzle: 0.4", $"nozzle: {reference}");

        var ex = _files.Fail(yaml);

        AssertError(ex, "workflow[0].parameters.nozzle", LineOf(yaml, reference), message);
    }

    [Fact]
    public void Parse_DuplicateStepAndSimulatorNames_BothReported()
    {
        var yaml = QuickstartWith("- name: characterization", "- name: synthesis").Replace("id: tester-1", "id: printer-1", StringComparison.Ordinal);

        var ex = _files.Fail(yaml);

        AssertError(ex, "workflow[1].name", LineOf(yaml, "- name: synthesis") + 4, "step 'synthesis' is already defined at workflow[0]");
        AssertError(ex, "simulators[1].id", LineOf(yaml, "- id: printer-1") + 6, "simulator 'printer-1' is already defined at simulators[0]");
    }

    [Fact]
    public void Parse_CapabilityNoSimulatorOffers_SuggestsClosest()
    {
        var yaml = QuickstartWith("capability: print\n    deadline", "capability: prnt\n    deadline");

        var ex = _files.Fail(yaml);

        AssertError(ex, "workflow[0].capability", LineOf(yaml, "capability: prnt"), "no simulator offers capability 'prnt' (simulators offer print, compression-test) (did you mean 'print'?)");
    }

    [Fact]
    public void Parse_ObjectiveNotMeasuredByLastStep_NamesWhatIsMeasured()
    {
        var yaml = QuickstartWith("output: toughness, goal", "output: strength, goal");

        var ex = _files.Fail(yaml);

        AssertError(ex, "objective.output", LineOf(yaml, "objective:"), "objective output 'strength' is not measured by the last step 'characterization' (capability 'compression-test': tester-1 returns 'toughness')");
    }

    [Fact]
    public void Parse_LastStepOnlySynthesis_ObjectiveNotMeasured()
    {
        var yaml = QuickstartWith("capability: compression-test\n    deadline", "capability: print\n    deadline");

        var ex = _files.Fail(yaml);

        AssertError(ex, "objective.output", LineOf(yaml, "objective:"), "printer-1 returns 'sample_id'");
    }

    [Fact]
    public void Parse_CharacterizationWithoutGroundTruth_RequiresIt()
    {
        var yaml = Quickstart[..Quickstart.IndexOf("    ground_truth:", StringComparison.Ordinal)];

        var ex = _files.Fail(yaml);

        AssertError(ex, "simulators[1].ground_truth", LineOf(yaml, "- id: tester-1"), "'ground_truth' is required");
    }

    [Fact]
    public void Parse_MissingTable_NamesFileAndWhereItLooked()
    {
        var yaml = QuickstartWith("table: data/crossed_barrel.csv", "table: data/missing.csv");

        var ex = _files.Fail(yaml);

        AssertError(ex, "simulators[1].ground_truth.table", LineOf(yaml, "missing.csv"), $"file 'data/missing.csv' does not exist (looked for {Path.Combine(_files.Directory, "data", "missing.csv")})");
    }

    [Fact]
    public void Parse_TableLacksColumn_NamesColumnAndHeader()
    {
        var yaml = QuickstartWith("inputs: [n, theta, r, t]", "inputs: [n, theta, r, tt]");

        var ex = _files.Fail(yaml);

        // The header starts with a UTF-8 BOM; 'n' still matches, so only 'tt' is reported.
        var error = Assert.Single(ex.Errors);
        Assert.Equal(("simulators[1].ground_truth.inputs", LineOf(yaml, "tt]")), (error.Path, error.Line));
        Assert.Equal("column 'tt' is not in the header of 'data/crossed_barrel.csv' (columns: n, theta, r, t, toughness) (did you mean 't'?)", error.Message);
    }

    [Fact]
    public void Parse_TableAndFunctionBoth_IsAnError()
    {
        var yaml = QuickstartWith("table: data/crossed_barrel.csv", "table: data/crossed_barrel.csv\n      function: branin");

        var ex = _files.Fail(yaml);

        AssertError(ex, "simulators[1].ground_truth.function", LineOf(yaml, "function: branin"), "give either 'table' or 'function', not both");
    }

    [Fact]
    public void Parse_FunctionWithWrongInputCount_NamesDimension()
    {
        var yaml = QuickstartWith("table: data/crossed_barrel.csv", "function: hartmann6").Replace("      replicates: true\n", string.Empty, StringComparison.Ordinal);

        var ex = _files.Fail(yaml);

        AssertError(ex, "simulators[1].ground_truth.inputs", LineOf(yaml, "inputs: [n, theta, r, t]"), "hartmann6 takes 6 inputs (got 4)");
    }

    [Fact]
    public void Parse_InvalidYaml_ReportsSyntaxErrorWithLine()
    {
        var yaml = QuickstartWith("budget: 48", "budget: 48: 3");

        var ex = _files.Fail(yaml);

        var error = Assert.Single(ex.Errors);
        Assert.Equal((string.Empty, LineOf(yaml, "budget: 48: 3")), (error.Path, error.Line));
        Assert.StartsWith("not valid YAML: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Idx:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnclosedBracket_NamesTheBracketsLineAndColumnInUserWords()
    {
        // Issue 9 item 12: YamlDotNet reports this without a position, as "Operation is not valid due to the current state of the object".
        var yaml = QuickstartWith("budget: 48", "budget: [48");

        var ex = _files.Fail(yaml);

        var error = Assert.Single(ex.Errors);
        Assert.Equal((LineOf(yaml, "budget: [48"), 9), (error.Line, error.Column));
        Assert.Equal("not valid YAML: this '[' is never closed; close it with ']' on the same line, or quote text that contains brackets", error.Message);
        Assert.Contains($"line {error.Line}, column 9: not valid YAML", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnclosedBraceInAList_ReportsALineAndColumnAndNoInternalText()
    {
        var yaml = QuickstartWith("  - { name: theta, type: continuous, low: 0, high: 200 }", "  - { name: theta, type: continuous, low: 0, high: 200");

        var ex = _files.Fail(yaml);

        var error = Assert.Single(ex.Errors);
        Assert.NotNull(error.Line);
        Assert.NotNull(error.Column);
        Assert.StartsWith("not valid YAML", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("current state of the object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ClosedWithTheWrongBracket_NamesTheOneLeftOpen()
    {
        var yaml = QuickstartWith("objective: { output: toughness, goal: maximize }", "objective: { output: [toughness, goal: maximize }");

        var ex = _files.Fail(yaml);

        var error = Assert.Single(ex.Errors);
        Assert.Contains($"(the '[' at line {LineOf(yaml, "objective:")}, column 22 is not closed)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("just text")]
    public void Parse_NotACampaignMapping_SaysWhatIsExpected(string yaml)
    {
        var ex = Assert.Throws<CampaignDefinitionException>(() => CampaignLoader.Parse(yaml));

        var error = Assert.Single(ex.Errors);
        Assert.Contains("name, budget", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("campaign: 1 problem:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_MissingFile_ThrowsDefinitionErrorNamingIt()
    {
        var ex = Assert.Throws<CampaignDefinitionException>(() => CampaignLoader.LoadFile(_files.CampaignPath));

        Assert.Contains($"file '{_files.CampaignPath}' does not exist", Assert.Single(ex.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateKey_ReportedAsInvalidYaml()
    {
        var yaml = QuickstartWith("seed: 42", "seed: 42\nseed: 43");

        var ex = _files.Fail(yaml);

        var error = Assert.Single(ex.Errors);
        Assert.Contains("seed", error.Message, StringComparison.Ordinal);
        Assert.Equal(LineOf(yaml, "seed: 43"), error.Line);
    }

    [Fact]
    public void Parse_KeyOfAnotherParameterType_IsUnknownForThisType()
    {
        var yaml = QuickstartWith("{ name: theta, type: continuous, low: 0, high: 200 }", "{ name: theta, type: continuous, low: 0, high: 200, step: 5 }");

        var ex = _files.Fail(yaml);

        AssertError(ex, "space[1].step", LineOf(yaml, "step: 5"), "unknown key 'step'");
    }

    [Fact]
    public void Parse_SeedBeyondInt_NamesIntRange()
    {
        var ex = _files.Fail(QuickstartWith("seed: 42", "seed: 99999999999"));

        AssertError(ex, "seed", 4, "must be between -2147483648 and 2147483647 (got 99999999999)");
    }

    private static void AssertError(CampaignDefinitionException ex, string path, int line, string messagePart)
    {
        var matches = ex.Errors.Where(e => e.Path == path).ToList();
        Assert.True(matches.Count == 1, $"expected one error at '{path}', got:\n{ex.Message}");
        Assert.Equal(line, matches[0].Line);
        Assert.Contains(messagePart, matches[0].Message, StringComparison.Ordinal);
    }
}
