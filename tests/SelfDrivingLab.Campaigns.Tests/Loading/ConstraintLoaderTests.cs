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

    [Fact]
    public void Parse_ImpossibleConstraint_RejectedNamingItsLineAndTheBounds()
    {
        var yaml = CampaignFiles.QuickstartWith("initial_design:", "constraints:\n  - theta + n <= -10\ninitial_design:");

        var ex = _files.Fail(yaml);

        var error = Assert.Single(ex.Errors);
        var line = CampaignFiles.LineOf(yaml, "theta + n <= -10");
        Assert.Equal(("constraints[0]", line), (error.Path, error.Line));
        Assert.Equal(
            "the search space is empty: no point satisfies 'theta + n <= -10' within the bounds n in 6..12 step 2, theta in [0, 200]; loosen or remove it",
            error.Message);
    }

    [Fact]
    public void Parse_TwoConstraintsThatConflict_NamesBothAndNotTheInnocentOne()
    {
        var yaml = CampaignFiles.QuickstartWith("initial_design:", "constraints:\n  - theta <= 150\n  - theta + 10*n <= 100\n  - theta >= 50\ninitial_design:");

        var ex = _files.Fail(yaml);

        var error = Assert.Single(ex.Errors);
        Assert.Equal("constraints[1]", error.Path);
        Assert.Contains(
            $"'theta + 10*n <= 100' (line {CampaignFiles.LineOf(yaml, "10*n")}) and 'theta >= 50' (line {CampaignFiles.LineOf(yaml, "theta >= 50")}) conflict: no point satisfies them together",
            error.Message,
            StringComparison.Ordinal);
        Assert.DoesNotContain("150", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ConstraintOnlyAnEqualityCanMeet_RejectedAsLeavingNoRoom()
    {
        var yaml = CampaignFiles.QuickstartWith("initial_design:", "constraints:\n  - theta <= 0\ninitial_design:");

        var ex = _files.Fail(yaml);

        Assert.Contains("the constraints leave no room: 'theta <= 0'", Assert.Single(ex.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RegionTooSmallForRandomDraws_RejectedByTheProposersOwnSampling()
    {
        // Feasible with room, but a 1e-7 sliver of theta's range: 100,000 draws miss it.
        var yaml = CampaignFiles.QuickstartWith("initial_design:", "constraints:\n  - theta <= 0.00002\ninitial_design:");

        var ex = _files.Fail(yaml);

        Assert.Contains("none of 100,000 random draws satisfied them all", Assert.Single(ex.Errors).Message, StringComparison.Ordinal);
    }
}
