using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;

namespace SelfDrivingLab.Campaigns.Tests;

/// <summary>Issue 14: simulators standing at another site, and transfer steps shipping the sample between sites.</summary>
public sealed class FacilityAcrossSitesLoaderTests : IDisposable
{
    private const string Campaign = "two-sites/barrel-across-sites.yaml";
    private const string Transfer = "  - { name: ship-to-b, transfer: { to: lab-b, duration: 2h } }\n";
    private static readonly SiteId LabA = new("lab-a");
    private static readonly SiteId LabB = new("lab-b");
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void LoadFacilityFile_TwoSitesExample_ReadsSimulatorSitesAndTheTransfer()
    {
        var facility = Load();

        Assert.Equal([null, LabB], facility.Simulators.Select(s => s.Site));
        var steps = facility.Campaigns[0].Steps;
        Assert.Equal(new SampleTransfer(LabB, TimeSpan.FromHours(2)), steps[1].Transfer);
        Assert.Equal((string.Empty, (SiteId?)null), (steps[1].Capability, steps[1].Site));
        Assert.Equal([LabA, LabB, LabB], SampleSites.Of(steps));
        Assert.Contains(new KeyValuePair<string, string>("workflow[1].transfer", "to lab-b, duration 2h"), CampaignIdentity.Of(facility.Campaigns[0]).Facts);
    }

    [Theory]
    [InlineData("    site: lab-b\n    type: characterization", "    site: lab-c\n    type: characterization", "simulators[1].site", "'lab-c' is not a site of this facility (known: 'lab-a', 'lab-b')")]
    [InlineData("    site: lab-b\n    type: characterization", "    type: characterization", "campaigns[0]", "step 'compression' runs at site 'lab-b' but no simulator there offers 'compression-test'")]
    [InlineData("    site: lab-b\n    type: characterization", "    site: lab/b\n    type: characterization", "simulators[1].site", "'lab/b' is not a valid site id")]
    public void LoadFacilityFile_SimulatorSiteProblem_ErrorNamesIt(string from, string to, string path, string message)
    {
        var ex = Assert.Throws<CampaignDefinitionException>(() => Load(facility: (from, to)));

        var error = Assert.Single(ex.Errors, e => e.Path == path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Transfer, "", "step 'compression' runs at site 'lab-a'", null)]
    [InlineData(Transfer, "  - { name: ship-to-b, transfer: { to: lab-c, duration: 2h } }\n", "step 'ship-to-b' names site 'lab-c', which is not a site of this facility", null)]
    [InlineData(Transfer, "  - { name: ship-to-b, transfer: { to: lab-a, duration: 2h } }\n", "ships the sample to site 'lab-a', where it already is (since step 'printing')", null)]
    [InlineData(Transfer, "  - { name: ship-to-b, transfer: { to: lab-b } }\n", "'duration' is required", null)]
    [InlineData(Transfer, "  - { name: ship-to-b, capability: print, transfer: { to: lab-b, duration: 2h } }\n", "'capability'", null)]
    [InlineData("deadline: 1h, parameters", "site: lab-b, deadline: 1h, parameters", "runs at site 'lab-b' but the sample is at site 'lab-a' (since step 'printing'); add a transfer step before it", Transfer)]
    public void LoadFacilityFile_SampleNotWhereTheStepRuns_IsRefusedNamingTheFix(string from, string to, string message, string? alsoRemove)
    {
        var ex = Assert.Throws<CampaignDefinitionException>(() => Load(campaign: (from, to), remove: alsoRemove));

        Assert.Contains(ex.Errors, e => e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void LoadFacilityFile_TransferAsTheLastStep_IsRefused()
    {
        const string Last = "sample_id: $steps.printing.sample_id, n: $n, theta: $theta, r: $r, t: $t } }\n";

        var ex = Assert.Throws<CampaignDefinitionException>(() => Load(campaign: (Last, Last + "  - { name: ship-back, transfer: { to: lab-a, duration: 1h } }\n")));

        Assert.Contains(ex.Errors, e => e.Message.Contains("transfer step 'ship-back' is the last step", StringComparison.Ordinal));
    }

    // A copy of the workflows folder with the two-site facility and its campaign file edited.
    private FacilityDefinition Load((string From, string To)? facility = null, (string From, string To)? campaign = null, string? remove = null)
    {
        var source = Path.GetDirectoryName(RepositoryPaths.Workflow("two-sites.yaml"))!;
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = _dir.File(Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        Edit("two-sites.yaml", facility, null);
        Edit(Campaign, campaign, remove);
        return CampaignLoader.LoadFacilityFile(_dir.File("two-sites.yaml"));
    }

    private void Edit(string file, (string From, string To)? replace, string? remove)
    {
        var text = File.ReadAllText(_dir.File(file));
        if (replace is { } r)
        {
            Assert.Contains(r.From, text, StringComparison.Ordinal);
            text = text.Replace(r.From, r.To, StringComparison.Ordinal);
        }

        if (remove is not null)
        {
            Assert.Contains(remove, text, StringComparison.Ordinal);
            text = text.Replace(remove, string.Empty, StringComparison.Ordinal);
        }

        File.WriteAllText(_dir.File(file), text);
    }
}
