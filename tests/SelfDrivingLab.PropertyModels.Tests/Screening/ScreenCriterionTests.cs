using SelfDrivingLab.PropertyModels.Screening;

namespace SelfDrivingLab.PropertyModels.Tests.Screening;

public sealed class ScreenCriterionTests
{
    [Fact]
    public void Parse_Between_IsAClosedRangeOnARegression()
    {
        var criterion = ScreenCriterion.Parse("gap between 1.1 and 1.6");

        Assert.Equal(("gap", false, 1.1, 1.6), (criterion.ModelName, criterion.IsProbability, criterion.Lower, criterion.Upper));
        Assert.True(criterion.Passes(new PropertyPrediction(1.6, 0.1)));
        Assert.False(criterion.Passes(new PropertyPrediction(1.61, 0.1)));
    }

    [Fact]
    public void Parse_ProbabilityAtLeast_NamesTheClass()
    {
        var criterion = ScreenCriterion.Parse("P(nonmetal) >= 0.8");

        Assert.Equal(("nonmetal", true, 0.8), (criterion.ModelName, criterion.IsProbability, criterion.Lower));
        Assert.Equal(0.9, criterion.Probability(new PropertyPrediction(0.9, 0.01)), 12);
    }

    [Fact]
    public void Probability_ProbabilityAtMost_IsTheOtherClass()
    {
        Assert.Equal(0.9, ScreenCriterion.Parse("P(metal) <= 0.2").Probability(new PropertyPrediction(0.1, 0)), 12);
    }

    [Fact]
    public void Probability_Range_IsTheGaussianMassInside()
    {
        // Mean 2, standard deviation 1, range [1, 3]: Φ(1) − Φ(−1).
        var probability = ScreenCriterion.Parse("gap between 1 and 3").Probability(new PropertyPrediction(2, 1));

        Assert.Equal(0.682689492137, probability, 9);
    }

    [Fact]
    public void Probability_HalfLine_IsOneTail()
    {
        Assert.Equal(0.5, ScreenCriterion.Parse("gap >= 2").Probability(new PropertyPrediction(2, 0.3)), 12);
    }

    [Theory]
    [InlineData("gap is big")]
    [InlineData("gap between 2 and 1")]
    [InlineData("P(metal) > 0.5")]
    public void Parse_Malformed_Throws(string text)
    {
        Assert.Throws<ArgumentException>(() => ScreenCriterion.Parse(text));
    }
}
