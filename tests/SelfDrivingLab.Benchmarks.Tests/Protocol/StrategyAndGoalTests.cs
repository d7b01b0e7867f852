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

    [Theory]
    [InlineData("gp-ucb:3", 3.0)]
    [InlineData("gp-ucb", 2.5)]
    public void Parse_UcbParameter_OverridesOptionsBeta(string name, double expectedBeta)
    {
        var strategy = BenchmarkStrategy.Parse(name, new StrategyOptions { Beta = 2.5 });

        var ucb = Assert.IsType<UpperConfidenceBound>(strategy.CreateAcquisition(10));
        Assert.Equal(expectedBeta, ucb.Beta);
        Assert.Equal(name, strategy.Name);
    }

    [Fact]
    public void Parse_DefaultOptions_UcbBetaOneAndEiMarginOnePercentOfScoreScale()
    {
        Assert.Equal(1, Assert.IsType<UpperConfidenceBound>(BenchmarkStrategy.Parse("gp-ucb").CreateAcquisition(3)).Beta);
        Assert.Equal(0.03, Assert.IsType<ExpectedImprovement>(BenchmarkStrategy.Parse("gp-ei").CreateAcquisition(3)).Xi, 12);
    }

    [Theory]
    [InlineData("gp-ei:0.1", 0.1)]
    [InlineData("gp-ei", 0.05)]
    public void CreateAcquisition_EiMargin_IsStandardizedXiTimesScoreScale(string name, double standardizedXi)
    {
        var strategy = BenchmarkStrategy.Parse(name, new StrategyOptions { Xi = 0.05 });

        var ei = Assert.IsType<ExpectedImprovement>(strategy.CreateAcquisition(4));
        Assert.Equal(standardizedXi * 4, ei.Xi, 12);
        Assert.Equal(standardizedXi, Assert.IsType<ExpectedImprovement>(strategy.Acquisition).Xi, 12);
    }

    [Theory]
    [InlineData("gp-ei:")]
    [InlineData("gp-ei:-1")]
    [InlineData("gp-ucb:abc")]
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
    public void Parse_InvalidOptions_ThrowsNamingTheSetting()
    {
        Assert.Contains("WarmRestarts", Assert.Throws<ArgumentException>(() => BenchmarkStrategy.Parse("gp-ei", new StrategyOptions { WarmRestarts = 0 })).Message, StringComparison.Ordinal);
        Assert.Contains("Xi", Assert.Throws<ArgumentException>(() => BenchmarkStrategy.Parse("gp-ei", new StrategyOptions { Xi = double.NaN })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateSurrogate_WithPreviousHyperparameters_WarmStartsTheGp()
    {
        var strategy = BenchmarkStrategy.Parse("gp-ei", new StrategyOptions { Restarts = 3, WarmRestarts = 1 });
        double[][] x = [[0.0], [0.5], [1.0], [0.25]];
        double[] y = [0, 1, 0, 0.7];
        var first = strategy.CreateSurrogate(5).Fit(x, y);

        // One start from the optimum of the same data: the optimizer stays there, so the refit reproduces the first fit.
        var refit = strategy.CreateSurrogate(6, first.Hyperparameters).Fit(x, y);

        Assert.Equal(first.Hyperparameters["length_scale_0"], refit.Hyperparameters["length_scale_0"], 3);
        Assert.Equal(first.Hyperparameters["noise_variance"], refit.Hyperparameters["noise_variance"], 3);
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
