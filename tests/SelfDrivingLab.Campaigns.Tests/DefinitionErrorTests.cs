namespace SelfDrivingLab.Campaigns.Tests;

public sealed class DefinitionErrorTests
{
    [Theory]
    [InlineData("workflow[1].deadline", 14, "line 14 workflow[1].deadline: bad")]
    [InlineData("", 3, "line 3: bad")]
    [InlineData("budget", null, "budget: bad")]
    [InlineData("", null, "bad")]
    public void ToString_PathAndLine_FormatsLocation(string path, int? line, string expected) =>
        Assert.Equal(expected, new DefinitionError(path, "bad", line).ToString());

    [Theory]
    [InlineData("", "line 2, column 9: bad")]
    [InlineData("budget", "line 2, column 9 budget: bad")]
    public void ToString_LineAndColumn_FormatsBoth(string path, string expected) =>
        Assert.Equal(expected, new DefinitionError(path, "bad", 2, 9).ToString());

    [Fact]
    public void CampaignDefinitionException_TwoErrors_MessageCountsAndListsBoth()
    {
        var ex = new CampaignDefinitionException("q.yaml", [new("a", "first", 1), new("b", "second", 2)]);

        Assert.Equal("q.yaml: 2 problems:\n  line 1 a: first\n  line 2 b: second", ex.Message);
        Assert.Equal(2, ex.Errors.Count);
    }
}
