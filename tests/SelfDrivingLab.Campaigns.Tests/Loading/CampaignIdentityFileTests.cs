using SelfDrivingLab.Campaigns.Definitions;
using static SelfDrivingLab.Campaigns.Tests.CampaignFiles;

namespace SelfDrivingLab.Campaigns.Tests.Loading;

/// <summary>A campaign file's identity ignores what does not define the campaign (comments, formatting) and names what does, in the file's words.</summary>
public sealed class CampaignIdentityFileTests : IDisposable
{
    private readonly CampaignFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Of_CommentsFormattingAndDescriptionEdited_SameIdentity()
    {
        var edited = "# a new comment\n" + QuickstartWith("objective: { output: toughness, goal: maximize }", "objective:\n  goal: maximize    # order and style\n  output: toughness")
            .Replace("description: Find the toughest 3D-printed crossed-barrel structure.", "description: Another description.", StringComparison.Ordinal);

        var before = CampaignIdentity.Of(_files.Parse(Quickstart));
        var after = CampaignIdentity.Of(_files.Parse(edited));

        Assert.Empty(before.ChangesTo(after));
        Assert.Equal(["description"], before.FreeChangesTo(after).Select(c => c.Path));
    }

    [Fact]
    public void ChangesTo_ABoundAndADeadlineEdited_NamesBothInTheFilesWords()
    {
        var edited = QuickstartWith("high: 200", "high: 250").Replace("deadline: 1h", "deadline: 90m", StringComparison.Ordinal);

        var changes = CampaignIdentity.Of(_files.Parse(Quickstart)).ChangesTo(CampaignIdentity.Of(_files.Parse(edited)));

        Assert.Equal(["space.theta.high: 200 → 250", "workflow[1].deadline: 1h → 90m"], changes.Select(c => c.ToString()));
    }
}
