using SelfDrivingLab.Optimization.Space;
using static SelfDrivingLab.Campaigns.Definitions.Tests.Validation.CodeBuiltCampaigns;

namespace SelfDrivingLab.Campaigns.Definitions.Tests.Identity;

/// <summary>What defines a campaign, in the file's words, and what may change freely.</summary>
public sealed class CampaignIdentityTests
{
    [Fact]
    public void ToJson_SameDefinition_SameTextAndReadsBackEqual()
    {
        var json = CampaignIdentity.Of(Valid()).ToJson();

        Assert.Equal(json, CampaignIdentity.Of(Valid()).ToJson());
        Assert.True(CampaignIdentity.TryParse(json, out var read));
        Assert.Equal(CampaignIdentity.CurrentVersion, read!.Version);
        Assert.Equal(CampaignIdentity.Of(Valid()).Facts, read.Facts);
        Assert.Equal(CampaignIdentity.Of(Valid()).FreeFacts, read.FreeFacts);
        Assert.StartsWith("{\"version\":1,", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"version\":2,\"facts\":[],\"free\":[]}")]
    public void TryParse_NothingDamagedOrAnotherVersion_False(string? json) =>
        Assert.False(CampaignIdentity.TryParse(json, out _));

    [Fact]
    public void ChangesTo_ABoundOfTheSpace_NamesItWithBothValues()
    {
        var stored = CampaignIdentity.Of(Valid());
        var space = new SearchSpace([new ContinuousParameter("x", 0, 2.5), Space.Parameters[1]]);

        var changes = stored.ChangesTo(CampaignIdentity.Of(Valid() with { Space = space }));

        Assert.Equal("space.x.high: 1 → 2.5", Assert.Single(changes).ToString());
    }

    [Fact]
    public void ChangesTo_AStepsDeadlineAndRetry_NamesEach()
    {
        var stored = CampaignIdentity.Of(Valid());
        var current = Valid() with { Steps = [Synthesis, Characterization with { Deadline = TimeSpan.FromMinutes(30), Retry = new StepRetryPolicy(2, TimeSpan.FromMinutes(1)) }] };

        var changes = stored.ChangesTo(CampaignIdentity.Of(current)).Select(c => c.ToString());

        Assert.Equal(["workflow[1].deadline: 1h → 30m", "workflow[1].retry: added (attempts 2, backoff 1m)"], changes);
    }

    [Fact]
    public void ChangesTo_AParameterAdded_OneChangeForItAndOneForTheOrder()
    {
        var stored = CampaignIdentity.Of(Valid());
        var space = new SearchSpace([.. Space.Parameters, new CategoricalParameter("solvent", ["water", "ethanol"])]);

        var changes = stored.ChangesTo(CampaignIdentity.Of(Valid() with { Space = space })).Select(c => c.ToString());

        Assert.Equal(["space: x, z → x, z, solvent", "space.solvent: added"], changes);
    }

    [Fact]
    public void ChangesTo_SeedObjectiveAndProposer_AreIdentity()
    {
        var stored = CampaignIdentity.Of(Valid());
        var current = Valid() with
        {
            Seed = 2,
            Objective = Valid().Objective with { Goal = Optimization.Objectives.ObjectiveGoal.Maximize },
            Proposer = Valid().Proposer with { Acquisition = Optimization.Proposals.AcquisitionKind.ThompsonSampling },
        };

        var changes = stored.ChangesTo(CampaignIdentity.Of(current)).Select(c => c.ToString());

        Assert.Equal(["seed: 1 → 2", "objective.goal: minimize → maximize", $"acquisition.kind: {System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(Valid().Proposer.Acquisition.ToString())} → thompson_sampling"], changes);
    }

    [Fact]
    public void ChangesTo_OnlyFreeFields_NoChangeButEachFreeChangeNamed()
    {
        var stored = CampaignIdentity.Of(Valid());
        var current = Valid() with
        {
            Budget = 20,
            Parallel = 4,
            Priority = 3,
            Description = "now with a longer description",
            Simulators = [Furnace with { FailureRate = 0.1 }, Meter],
            SourceText = "# a comment",
        };

        var identity = CampaignIdentity.Of(current);

        Assert.Empty(stored.ChangesTo(identity));
        Assert.Equal(["budget", "parallel", "priority", "description", "simulators.furnace-1"], stored.FreeChangesTo(identity).Select(c => c.Path));
        Assert.Equal("budget: 8 → 20", stored.FreeChangesTo(identity)[0].ToString());
    }
}
