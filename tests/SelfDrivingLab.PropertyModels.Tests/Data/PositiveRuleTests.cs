using SelfDrivingLab.PropertyModels.Data;

namespace SelfDrivingLab.PropertyModels.Tests.Data;

public sealed class PositiveRuleTests
{
    [Theory]
    [InlineData("<= 0", 0, true)]
    [InlineData("<= 0", 0.1, false)]
    [InlineData("== 0", 0, true)]
    [InlineData("> 0", 0, false)]
    [InlineData(">1.5", 2, true)]
    [InlineData("!= 0", 1, true)]
    [InlineData("< -1", -2, true)]
    public void IsPositive_AppliesTheComparison(string rule, double value, bool expected)
    {
        Assert.Equal(expected, PositiveRule.Parse(rule).IsPositive(value));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("<= zero")]
    [InlineData("=> 1")]
    public void Parse_Malformed_ThrowsNamingTheForm(string rule)
    {
        var error = Assert.Throws<ArgumentException>(() => PositiveRule.Parse(rule));

        Assert.Contains("<= 0", error.Message, StringComparison.Ordinal);
    }
}
