using SelfDrivingLab.Benchmarks.Protocol;
using SelfDrivingLab.Optimization.Acquisition;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.Benchmarks.Tests.Protocol;

public sealed class StrategyAndGoalTests
{
    [Theory]
    [InlineData("gp-ei", typeof(GaussianProcessSurrogate), typeof(ExpectedImprovement))]
    [InlineData("GP-UCB", typeof(GaussianProcessSurrogate), typeof(UpperConfidenceBound))]
    [InlineData("gp-pi", typeof(GaussianProcessSurrogate), typeof(ProbabilityOfImprovement))]
    [InlineData("ridge-ei", typeof(BayesianRidgeSurrogate), typeof(ExpectedImprovement))]
    [InlineData(" ridge-ucb ", typeof(BayesianRidgeSurrogate), typeof(UpperConfidenceBound))]
    public void Parse_KnownName_GivesSurrogateAndAcquisition(string name, Type surrogate, Type acquisition)
    {
        var strategy = BenchmarkStrategy.Parse(name);

        Assert.False(strategy.IsRandom);
        Assert.IsType(surrogate, strategy.CreateSurrogate(1));
        Assert.IsType(acquisition, strategy.Acquisition);
        Assert.Equal(name.Trim().ToLowerInvariant(), strategy.Name);
    }

    [Fact]
    public void Parse_Random_IsBaseline()
    {
        var strategy = BenchmarkStrategy.Parse("random");

        Assert.True(strategy.IsRandom);
        Assert.Null(strategy.Acquisition);
        Assert.Throws<InvalidOperationException>(() => strategy.CreateSurrogate(0));
    }

    [Theory]
    [InlineData("gp")]
    [InlineData("gp-xyz")]
    [InlineData("forest-ei")]
    [InlineData("")]
    public void Parse_UnknownName_ThrowsListingKnownNames(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => BenchmarkStrategy.Parse(name));

        Assert.Contains($"Unknown strategy '{name}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("gp-ei", error.Message, StringComparison.Ordinal);
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
