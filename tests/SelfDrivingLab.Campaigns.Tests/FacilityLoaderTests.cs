namespace SelfDrivingLab.Campaigns.Tests;

public sealed class FacilityLoaderTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void LoadFacilityFile_SharedFacilityExample_HasThreeCampaignsAndThePool()
    {
        var path = RepositoryPaths.Workflow("shared-facility.yaml");

        var facility = CampaignLoader.LoadFacilityFile(path);

        Assert.True(CampaignLoader.IsFacilityFile(path));
        Assert.False(CampaignLoader.IsFacilityFile(RepositoryPaths.Workflow("quickstart.yaml")));
        Assert.Equal("shared-facility", facility.Name);
        Assert.Equal(3, facility.Campaigns.Count);
        Assert.Equal(["printer-1", "printer-2", "tester-1"], facility.Simulators.Select(s => s.Id.Value));
    }

    [Fact]
    public void LoadFacilityFile_CampaignWithItsOwnSimulators_IsAnError()
    {
        File.Copy(RepositoryPaths.Workflow("quickstart.yaml"), _dir.File("quick.yaml"));
        Directory.CreateDirectory(_dir.File("data"));
        File.Copy(RepositoryPaths.Workflow(Path.Combine("data", "crossed_barrel.csv")), _dir.File(Path.Combine("data", "crossed_barrel.csv")));
        File.WriteAllText(_dir.File("f.yaml"), "facility: f\ncampaigns: [quick.yaml]\n");

        var ex = Assert.Throws<CampaignDefinitionException>(() => CampaignLoader.LoadFacilityFile(_dir.File("f.yaml")));

        Assert.Contains("campaigns[0]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("belong to the facility file", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFacilityFile_BrokenCampaignFile_NamesTheFileLineAndField()
    {
        File.WriteAllText(_dir.File("bad.yaml"), "name: bad\nbudget: 0\n");
        File.WriteAllText(_dir.File("f.yaml"), "facility: f\ncampaigns: [bad.yaml]\nsimulatorz: []\n");

        var ex = Assert.Throws<CampaignDefinitionException>(() => CampaignLoader.LoadFacilityFile(_dir.File("f.yaml")));

        Assert.Contains("bad.yaml line 2 budget", ex.Message, StringComparison.Ordinal);
        Assert.Contains("simulatorz", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFacilityFile_InstrumentIdentities_CarryTheCapabilitiesTheyAreAdmittedFor()
    {
        File.WriteAllText(_dir.File("f.yaml"), AccessFacility("{ name: xrd-1, role: instrument, capabilities: [xrd, anneal] }"));

        var facility = CampaignLoader.LoadFacilityFile(_dir.File("f.yaml"));

        var xrd = Assert.Single(facility.Access!.Identities, i => i.Name == "xrd-1");
        Assert.Equal(["xrd", "anneal"], xrd.Capabilities);
    }

    [Theory]
    [InlineData("{ name: xrd-1, role: instrument }", "access.identities[1]", "instrument 'xrd-1' lists no capabilities")]
    [InlineData("{ name: bob, role: operator, capabilities: [print] }", "access.identities[1]", "only instruments are admitted for capabilities")]
    public void LoadFacilityFile_AccessCapabilitiesMissingOrMisplaced_IsAnErrorNamingTheIdentity(string identity, string path, string expected)
    {
        File.WriteAllText(_dir.File("f.yaml"), AccessFacility(identity));

        var ex = Assert.Throws<CampaignDefinitionException>(() => CampaignLoader.LoadFacilityFile(_dir.File("f.yaml")));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    // A facility of the toughest-barrel campaign on two simulators, whose access lists the orchestrator and one more identity.
    private string AccessFacility(string identity)
    {
        File.WriteAllText(_dir.File("a.yaml"), File.ReadAllText(RepositoryPaths.Workflow(Path.Combine("facility", "toughest-barrel.yaml"))));
        Directory.CreateDirectory(_dir.File("data"));
        File.Copy(RepositoryPaths.Workflow(Path.Combine("data", "crossed_barrel.csv")), _dir.File(Path.Combine("data", "crossed_barrel.csv")), overwrite: true);
        var facility = File.ReadAllText(RepositoryPaths.Workflow("shared-facility.yaml"));
        var simulators = facility[facility.IndexOf("simulators:", StringComparison.Ordinal)..facility.IndexOf("# Who may use", StringComparison.Ordinal)];
        return $"""
            facility: f
            campaigns: [a.yaml]
            {simulators.Trim()}
            access:
              identities:
                - {"{"} name: orchestrator, role: orchestrator {"}"}
                - {identity}
            """;
    }

    [Fact]
    public void LoadFacilityFile_CapabilityNoSimulatorOffers_IsAnError()
    {
        var campaign = File.ReadAllText(RepositoryPaths.Workflow(Path.Combine("facility", "toughest-barrel.yaml")));
        File.WriteAllText(_dir.File("a.yaml"), campaign);
        File.WriteAllText(_dir.File("f.yaml"), """
            facility: f
            campaigns: [a.yaml]
            simulators:
              - { id: printer-1, type: synthesis, capability: print, duration: { mean: 1h } }
            """);

        var ex = Assert.Throws<CampaignDefinitionException>(() => CampaignLoader.LoadFacilityFile(_dir.File("f.yaml")));

        Assert.Contains("'compression-test'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFacilityFile_CampaignWhoseDerivedIdsAreTooLong_NamesTheFileAndTheLimit()
    {
        var campaign = File.ReadAllText(RepositoryPaths.Workflow(Path.Combine("facility", "toughest-barrel.yaml")));
        File.WriteAllText(_dir.File("a.yaml"), campaign.Replace("name: toughest-barrel", "name: " + new string('t', 100), StringComparison.Ordinal));
        File.WriteAllText(_dir.File("f.yaml"), "facility: f\ncampaigns: [a.yaml]\n");

        var ex = Assert.Throws<CampaignDefinitionException>(() => CampaignLoader.LoadFacilityFile(_dir.File("f.yaml")));

        Assert.Contains("a.yaml line", ex.Message, StringComparison.Ordinal);
        Assert.Contains("over the id limit of 128", ex.Message, StringComparison.Ordinal);
    }
}
