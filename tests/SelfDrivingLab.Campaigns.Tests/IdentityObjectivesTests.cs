using SelfDrivingLab.Campaigns.Definitions;

namespace SelfDrivingLab.Campaigns.Tests;

public sealed class IdentityObjectivesTests
{
    [Theory]
    [InlineData("quickstart.yaml")]
    [InlineData("band-gap.yaml")]
    [InlineData("pareto-barrel.yaml")]
    public void Objectives_OfAStoredIdentity_AreTheDefinitionsObjectives(string file)
    {
        var definition = CampaignLoader.LoadFile(RepositoryPaths.Workflow(file));

        Assert.True(CampaignIdentity.TryParse(CampaignIdentity.Of(definition).ToJson(), out var stored));

        Assert.Equal(definition.Objectives.Select(o => (o.Output, o.Goal, o.Target)), stored!.Objectives.Select(o => (o.Output, o.Goal, o.Target)));
    }
}
