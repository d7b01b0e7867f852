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

    [Fact]
    public void CampaignDefinitionException_TwoErrors_MessageCountsAndListsBoth()
    {
        var ex = new CampaignDefinitionException("q.yaml", [new("a", "first", 1), new("b", "second", 2)]);

        Assert.Equal("q.yaml: 2 problems:\n  line 1 a: first\n  line 2 b: second", ex.Message);
        Assert.Equal(2, ex.Errors.Count);
    }
}
