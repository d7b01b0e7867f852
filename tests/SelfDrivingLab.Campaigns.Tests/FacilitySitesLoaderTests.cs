using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;

namespace SelfDrivingLab.Campaigns.Tests;

/// <summary>Issue 14 item 1: a facility file lists its other sites and their brokers.</summary>
public sealed class FacilitySitesLoaderTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void LoadFacilityFile_Sites_ReadWithTheirBrokers()
    {
        var facility = Load("sites:\n  - { id: lab-b, broker: mqtts://lab-b.example:8883 }\n  - { id: lab-c, broker: 10.0.0.7:1883 }\n");

        Assert.Equal(
            [new FacilitySite(new SiteId("lab-b"), "lab-b.example", 8883, true), new FacilitySite(new SiteId("lab-c"), "10.0.0.7", 1883, false)],
            facility.OtherSites);
    }

    [Fact]
    public void LoadFacilityFile_NoSites_HasNone() => Assert.Empty(Load(string.Empty).OtherSites);

    [Theory]
    [InlineData("  - { id: lab, broker: h:1 }", "sites[0].id", "this facility's own site")]
    [InlineData("  - { id: lab-b, broker: h:1 }\n  - { id: lab-b, broker: h:2 }", "sites[1].id", "listed twice")]
    [InlineData("  - { id: lab/b, broker: h:1 }", "sites[0].id", "not a valid site id")]
    [InlineData("  - { id: lab-b, broker: lab-b.example }", "sites[0].broker", "not a broker address")]
    [InlineData("  - { id: lab-b, broker: mqtt://h:99999 }", "sites[0].broker", "not a broker address")]
    [InlineData("  - { id: lab-b }", "sites[0].broker", "'broker' is required")]
    public void LoadFacilityFile_BadSite_ErrorNamesIt(string item, string path, string message)
    {
        var ex = Assert.Throws<CampaignDefinitionException>(() => Load("sites:\n" + item + "\n"));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    // A copy of the workflows folder (the facility's campaign files and data) with the sites appended to the facility file.
    private FacilityDefinition Load(string sites)
    {
        var source = Path.GetDirectoryName(RepositoryPaths.Workflow("shared-facility.yaml"))!;
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = _dir.File(Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        File.AppendAllText(_dir.File("shared-facility.yaml"), "\n" + sites);
        return CampaignLoader.LoadFacilityFile(_dir.File("shared-facility.yaml"));
    }
}
