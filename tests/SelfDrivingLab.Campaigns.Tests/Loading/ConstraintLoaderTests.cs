namespace SelfDrivingLab.Campaigns.Tests.Loading;

public sealed class ConstraintLoaderTests : IDisposable
{
    private readonly CampaignFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Parse_Constraints_MapsLessAndGreaterThan()
    {
        var yaml = CampaignFiles.QuickstartWith("initial_design:", "constraints:\n  - theta + 10*n <= 250\n  - theta - 5*n >= -20\ninitial_design:");

        var space = _files.Parse(yaml).Space;

        Assert.Equal(2, space.Constraints.Count);
        Assert.Equal(250, space.Constraints[0].UpperBound);
        Assert.Equal(new Dictionary<string, double> { ["theta"] = 1, ["n"] = 10 }, space.Constraints[0].Coefficients);
        Assert.Equal(20, space.Constraints[1].UpperBound);
        Assert.Equal(new Dictionary<string, double> { ["theta"] = -1, ["n"] = 5 }, space.Constraints[1].Coefficients);
    }

    [Theory]
    [InlineData("theta + r", "'<=' or '>='")]
    [InlineData("theta + r <= lots", "not a number")]
    [InlineData("theta * r <= 1", "sum of terms")]
    [InlineData("theta + nope <= 1", "'nope'")]
    public void Parse_BadConstraint_NamesThePathAndProblem(string constraint, string expected)
    {
        var yaml = CampaignFiles.QuickstartWith("initial_design:", $"constraints:\n  - {constraint}\ninitial_design:");

        var ex = Assert.Throws<CampaignDefinitionException>(() => _files.Parse(yaml));

        Assert.Contains("constraints", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
