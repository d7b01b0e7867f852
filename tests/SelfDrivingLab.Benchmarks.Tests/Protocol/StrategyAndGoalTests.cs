using SelfDrivingLab.Benchmarks.Protocol;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Proposals;

namespace SelfDrivingLab.Benchmarks.Tests.Protocol;

public sealed class StrategyAndGoalTests
{
    [Fact]
    public void Parse_Default_IsTheCampaignFileDefaultSettings()
    {
        var strategy = BenchmarkStrategy.Parse("default");

        // The protocol replaces only the seed and the initial count.
        Assert.Equal(ProposerSettings.Default(dimensions: 3, seed: 9) with { InitialCount = 2 }, strategy.Settings with { Seed = 9, InitialCount = 2 });
        Assert.Equal("default", strategy.Name);
    }

    [Theory]
    [InlineData("gp-ei", SurrogateKind.GaussianProcess, AcquisitionKind.ExpectedImprovement)]
    [InlineData("GP-UCB", SurrogateKind.GaussianProcess, AcquisitionKind.UpperConfidenceBound)]
    [InlineData("gp-pi", SurrogateKind.GaussianProcess, AcquisitionKind.ProbabilityOfImprovement)]
    [InlineData("gp-ts", SurrogateKind.GaussianProcess, AcquisitionKind.ThompsonSampling)]
    [InlineData("ridge-ei", SurrogateKind.BayesianRidge, AcquisitionKind.ExpectedImprovement)]
    [InlineData(" ridge-ucb ", SurrogateKind.BayesianRidge, AcquisitionKind.UpperConfidenceBound)]
    [InlineData("rf-ei", SurrogateKind.RandomForest, AcquisitionKind.ExpectedImprovement)]
    public void Parse_KnownName_IsTheDefaultSettingsWithThatSurrogateAndAcquisition(string name, SurrogateKind surrogate, AcquisitionKind acquisition)
    {
        var strategy = BenchmarkStrategy.Parse(name);

        Assert.Equal(ProposerSettings.Default(1, 0) with { Surrogate = surrogate, Acquisition = acquisition }, strategy.Settings);
        Assert.Equal(name.Trim().ToLowerInvariant(), strategy.Name);
    }

    [Fact]
    public void Parse_Random_HasNoModel()
    {
        Assert.Equal(SurrogateKind.Random, BenchmarkStrategy.Parse("random").Settings.Surrogate);
        Assert.Equal(BenchmarkStrategy.Random.Settings, BenchmarkStrategy.Parse("random").Settings);
    }

    [Theory]
    [InlineData("gp")]
    [InlineData("gp-xyz")]
    [InlineData("ridge-ts")]
    [InlineData("forest-ei")]
    [InlineData("")]
    public void Parse_UnknownName_ThrowsListingKnownNames(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => BenchmarkStrategy.Parse(name));

        Assert.Contains($"Unknown strategy '{name}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("gp-ei", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gp-ucb:3", 3.0)]
    [InlineData("gp-ucb:beta=3", 3.0)]
    [InlineData("gp-ucb", 2.5)]
    public void Parse_UcbParameter_OverridesTheRunsBeta(string name, double expectedBeta)
    {
        var strategy = BenchmarkStrategy.Parse(name, new StrategyOverrides(Beta: 2.5));

        Assert.Equal(expectedBeta, strategy.Settings.Beta);
        Assert.Equal(name, strategy.Name);
    }

    [Theory]
    [InlineData("gp-ei:0.1", 0.1)]
    [InlineData("gp-ei:xi=0", 0.0)]
    [InlineData("gp-ei", 0.05)]
    public void Parse_EiParameter_OverridesTheRunsXi(string name, double expectedXi)
    {
        Assert.Equal(expectedXi, BenchmarkStrategy.Parse(name, new StrategyOverrides(Xi: 0.05)).Settings.Xi);
    }

    [Fact]
    public void Parse_KeyValueOverrides_SetRestartsAndKernel()
    {
        var settings = BenchmarkStrategy.Parse("gp-ei:restarts=8:kernel=rbf").Settings;

        Assert.Equal(8, settings.Restarts);
        Assert.Equal(KernelKind.Rbf, settings.Kernel);
    }

    [Theory]
    [InlineData("gp-ei:")]
    [InlineData("gp-ei:-1")]
    [InlineData("gp-ucb:abc")]
    [InlineData("gp-ei:restarts=1.5")]
    [InlineData("gp-ei:kernel=cubic")]
    [InlineData("gp-ei:depth=3")]
    public void Parse_BadParameter_ThrowsNamingTheStrategy(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => BenchmarkStrategy.Parse(name));

        Assert.Contains($"Strategy '{name}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseList_VariantsOfOneAcquisition_AreDistinct()
    {
        Assert.Equal(["gp-ucb:2", "gp-ucb:3"], BenchmarkStrategy.ParseList("gp-ucb:2,gp-ucb:3").Select(s => s.Name));
    }

    [Fact]
    public void ParseList_SplitsAndRejectsDuplicates()
    {
        Assert.Equal(["gp-ei", "random"], BenchmarkStrategy.ParseList("gp-ei, random").Select(s => s.Name));
        Assert.Contains("listed twice", Assert.Throws<ArgumentException>(() => BenchmarkStrategy.ParseList("random,random")).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => BenchmarkStrategy.ParseList(" , "));
    }

    [Theory]
    [InlineData("max", ObjectiveGoal.Maximize, null)]
    [InlineData("MIN", ObjectiveGoal.Minimize, null)]
    [InlineData("target:1.34", ObjectiveGoal.Target, 1.34)]
    [InlineData("target:-2e-1", ObjectiveGoal.Target, -0.2)]
    public void GoalParse_KnownForms(string text, ObjectiveGoal goal, double? target)
    {
        var objective = BenchmarkGoal.Parse(text, "gap");

        Assert.Equal(goal, objective.Goal);
        Assert.Equal(target, objective.Target);
        Assert.Equal("gap", objective.Output);
    }

    [Theory]
    [InlineData("maximum")]
    [InlineData("target:")]
    [InlineData("target:abc")]
    [InlineData("target:NaN")]
    public void GoalParse_Unknown_Throws(string text)
    {
        Assert.Contains("Unknown goal", Assert.Throws<ArgumentException>(() => BenchmarkGoal.Parse(text, "y")).Message, StringComparison.Ordinal);
    }
}
