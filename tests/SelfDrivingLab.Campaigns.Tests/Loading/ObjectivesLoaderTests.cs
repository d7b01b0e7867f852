using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Proposals;
using static SelfDrivingLab.Campaigns.Tests.CampaignFiles;

namespace SelfDrivingLab.Campaigns.Tests.Loading;

/// <summary><c>objectives:</c>, the list form of <c>objective:</c>, with thresholds and the acquisitions for several objectives.</summary>
public sealed class ObjectivesLoaderTests : IDisposable
{
    private const string Single = "objective: { output: toughness, goal: maximize }";

    private readonly CampaignFiles _files = new();

    public void Dispose() => _files.Dispose();

    private const string WeighStep = """
          - name: weighing
            capability: weigh
            deadline: 1h
            parameters: { sample_id: $steps.synthesis.sample_id, n: $n, theta: $theta }
        simulators:
          - id: scale-1
            type: characterization
            capability: weigh
            duration: { mean: 5m, sd: 1m }
            ground_truth:
              table: data/density.csv
              inputs: [n, theta, r, t]
              output: density
              replicates: true
              noise_sd: 0

        """;

    /// <summary>The quickstart with a weighing step (its scale measures density) and no acquisition (EI takes one objective).</summary>
    private string TwoObjectives(string objectives, string acquisition = "")
    {
        File.WriteAllText(Path.Combine(_files.Directory, "data", "density.csv"), "n,theta,r,t,density\n6,10,1.5,0.7,0.9\n");
        return QuickstartWith(Single, objectives)
            .Replace("acquisition: { kind: expected_improvement, xi: 0.01 }\n", acquisition, StringComparison.Ordinal)
            .Replace("simulators:\n", WeighStep.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TwoObjectivesWithThresholds_ReadsThemAndDefaultsToEhvi()
    {
        var definition = _files.Parse(TwoObjectives(
            "objectives:\n  - { output: toughness, goal: maximize, at_least: 1 }\n  - { output: density, goal: minimize, at_most: 5 }"));

        Assert.True(definition.IsMultiObjective);
        Assert.Equal(
            [new Objective("toughness", ObjectiveGoal.Maximize) { AtLeast = 1 }, new Objective("density", ObjectiveGoal.Minimize) { AtMost = 5 }],
            definition.Objectives);
        Assert.Equal(definition.Objectives[0], definition.Objective);
        Assert.Equal(AcquisitionKind.ExpectedHypervolumeImprovement, definition.Proposer.Acquisition);
    }

    [Fact]
    public void Parse_Parego_IsTheCheapOption()
    {
        var definition = _files.Parse(TwoObjectives(
            "objectives:\n  - { output: toughness, goal: maximize }\n  - { output: density, goal: minimize }",
            "acquisition: { kind: parego }\n"));

        Assert.Equal(AcquisitionKind.Parego, definition.Proposer.Acquisition);
    }

    [Fact]
    public void Parse_ObjectiveAndObjectives_RefusesBoth()
    {
        var ex = _files.Fail(QuickstartWith(Single, Single + "\nobjectives:\n  - { output: toughness, goal: maximize }"));

        Assert.Contains("give either 'objective' (one) or 'objectives' (a list), not both", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SameOutputTwice_NamesTheSecond()
    {
        var ex = _files.Fail(TwoObjectives("objectives:\n  - { output: toughness, goal: maximize }\n  - { output: toughness, goal: minimize }"));

        Assert.Contains("objectives[1].output", ex.Message, StringComparison.Ordinal);
        Assert.Contains("already an objective", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ThresholdsInTheWrongOrder_NamesAtMost()
    {
        var ex = _files.Fail(TwoObjectives(
            "objectives:\n  - { output: toughness, goal: maximize, at_least: 5, at_most: 2 }\n  - { output: density, goal: minimize }"));

        Assert.Contains("objectives[0].at_most", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ThresholdWithOneObjective_IsRefused()
    {
        var ex = _files.Fail(QuickstartWith(Single, "objective: { output: toughness, goal: maximize, at_least: 1 }"));

        Assert.Contains("thresholds apply only with two or more objectives", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OneObjectiveAcquisitionWithTwoObjectives_SuggestsEhviOrParego()
    {
        var ex = _files.Fail(QuickstartWith(Single, "objectives:\n  - { output: toughness, goal: maximize }\n  - { output: density, goal: minimize }"));

        Assert.Contains("acquisition.kind", ex.Message, StringComparison.Ordinal);
        Assert.Contains("expected_hypervolume_improvement (the default) or parego", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ObjectiveNoSimulatorMeasures_NamesIt()
    {
        var ex = _files.Fail(TwoObjectives("objectives:\n  - { output: toughness, goal: maximize }\n  - { output: cost, goal: minimize }"));

        Assert.Contains("objectives[1].output", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'cost' is measured by no simulator", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Identity_SingleObjectiveFile_KeepsItsEarlierFacts()
    {
        var identity = CampaignIdentity.Of(_files.Parse(Quickstart));
        var listed = CampaignIdentity.Of(_files.Parse(QuickstartWith(Single, "objectives:\n  - { output: toughness, goal: maximize }")));

        Assert.Empty(identity.ChangesTo(listed));
    }
}
