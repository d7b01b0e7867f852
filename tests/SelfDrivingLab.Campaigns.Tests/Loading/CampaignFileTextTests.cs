namespace SelfDrivingLab.Campaigns.Tests.Loading;

/// <summary>Issue 9 item 12: campaign files are read with a size limit (1 MiB), so a device or a huge file fails at once.</summary>
public sealed class CampaignFileTextTests : IDisposable
{
    private readonly CampaignFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void LoadFile_LargerThan1MiB_RefusedNamingTheLimit()
    {
        // A valid campaign followed by 1 MiB of comments: refused for its size, not parsed.
        File.WriteAllText(_files.CampaignPath, CampaignFiles.Quickstart + "\n" + string.Concat(Enumerable.Repeat("# padding padding padding padding\n", 32 * 1024)));

        var ex = Assert.Throws<CampaignDefinitionException>(() => CampaignLoader.LoadFile(_files.CampaignPath));

        Assert.Contains("is larger than 1 MiB; a campaign file is a short YAML text", Assert.Single(ex.Errors).Message, StringComparison.Ordinal);
    }

    [RequiresPathFact("/dev/zero")]
    public void LoadFile_EndlessDevice_RefusedAtOnce()
    {
        // Read whole, /dev/zero never ends (an OutOfMemoryException after 48 s before).
        var ex = Assert.Throws<CampaignDefinitionException>(() => CampaignLoader.LoadFile("/dev/zero"));

        Assert.Contains("is larger than 1 MiB", Assert.Single(ex.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_Directory_SaysItIsADirectory()
    {
        var ex = Assert.Throws<CampaignDefinitionException>(() => CampaignLoader.LoadFile(_files.Directory));

        Assert.Contains("is a directory, not a campaign file", Assert.Single(ex.Errors).Message, StringComparison.Ordinal);
    }

    [RequiresPathFact("/dev/zero")]
    public void IsFacilityFile_EndlessDevice_ReturnsFalseAtOnce()
    {
        Assert.False(CampaignLoader.IsFacilityFile("/dev/zero"));
    }
}
