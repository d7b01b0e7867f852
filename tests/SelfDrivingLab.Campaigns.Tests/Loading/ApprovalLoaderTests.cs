using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Campaigns.Tests.Loading;

public sealed class ApprovalLoaderTests : IDisposable
{
    private readonly CampaignFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Parse_SafeBounds_ReadsRangesAndChoices()
    {
        var yaml = CampaignFiles.QuickstartWith("initial_design:", "approval:\n  safe_bounds:\n    theta: [10, 150]\n    solvent: [water]\ninitial_design:");

        var approval = _files.Parse(yaml).Approval;

        Assert.NotNull(approval);
        Assert.Equal(2, approval.SafeBounds.Count);
        Assert.Equal(new SafeBound("theta", 10, 150, null), approval.SafeBounds[0] with { Choices = null });
        Assert.Equal(["water"], approval.SafeBounds[1].Choices);
    }

    [Fact]
    public void Parse_NoApproval_LeavesPolicyNullAndNormalPriority()
    {
        var definition = _files.Parse(CampaignFiles.Quickstart);

        Assert.Null(definition.Approval);
        Assert.Equal(CampaignDefinition.NormalPriority, definition.Priority);
    }

    [Fact]
    public void Parse_EmptyApproval_RequiresApprovalForEveryProposal()
    {
        var yaml = CampaignFiles.QuickstartWith("initial_design:", "approval: {}\ninitial_design:");

        var approval = _files.Parse(yaml).Approval;

        Assert.NotNull(approval);
        Assert.False(approval.AutoApproves(new ParameterSet(new Dictionary<string, ParameterValue> { ["theta"] = 1 }), out var why));
        Assert.Contains("every proposal", why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("thetta: [0, 10]", "approval.safe_bounds.thetta", "did you mean 'theta'")]
    [InlineData("theta: [0]", "approval.safe_bounds.theta", "[min, max]")]
    [InlineData("theta: [0, lots]", "approval.safe_bounds.theta", "[min, max]")]
    [InlineData("theta: [20, 10]", "approval.safe_bounds.theta", "above the upper bound")]
    [InlineData("solvent: [acetone]", "approval.safe_bounds.solvent[0]", "not a choice of 'solvent'")]
    [InlineData("theta: 10", "approval.safe_bounds.theta", "expected a list")]
    public void Parse_BadSafeBound_NamesThePathAndProblem(string bound, string path, string expected)
    {
        var yaml = CampaignFiles.QuickstartWith("initial_design:", $"approval:\n  safe_bounds:\n    {bound}\ninitial_design:");

        var ex = Assert.Throws<CampaignDefinitionException>(() => _files.Parse(yaml));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownApprovalKey_SuggestsSafeBounds()
    {
        var yaml = CampaignFiles.QuickstartWith("initial_design:", "approval:\n  safe_bound: {}\ninitial_design:");

        var ex = Assert.Throws<CampaignDefinitionException>(() => _files.Parse(yaml));

        Assert.Contains("approval.safe_bound", ex.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'safe_bounds'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("priority: 5", 5)]
    [InlineData("priority: -10", -10)]
    public void Parse_Priority_IsRead(string line, int expected)
    {
        var yaml = CampaignFiles.QuickstartWith("initial_design:", $"{line}\ninitial_design:");

        Assert.Equal(expected, _files.Parse(yaml).Priority);
    }

    [Fact]
    public void Parse_PriorityOutOfRange_NamesTheField()
    {
        var yaml = CampaignFiles.QuickstartWith("initial_design:", "priority: 11\ninitial_design:");

        var ex = Assert.Throws<CampaignDefinitionException>(() => _files.Parse(yaml));

        Assert.Contains("priority", ex.Message, StringComparison.Ordinal);
    }
}
