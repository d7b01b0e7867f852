using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Optimization.Objectives;

namespace SelfDrivingLab.Campaigns.Tests.Loading;

public sealed class ExampleCampaignTests
{
    [Fact]
    public void LoadFile_BandGapExample_TargetsTheBandGapWithLiquidHandlerFurnaceAndUvVis()
    {
        var definition = CampaignLoader.LoadFile(Path.Combine(RepositoryRoot(), "workflows", "band-gap.yaml"));

        Assert.Equal(new Objective("band_gap_ev", ObjectiveGoal.Target, 1.34), definition.Objective);
        Assert.InRange(definition.Budget, 1, 30);
        Assert.Equal(["liquid-handler", "furnace", "uv-vis"], definition.Simulators.Select(s => s.Type));
        Assert.Equal(["dispense", "anneal", "measure-band-gap"], definition.Steps.Select(s => s.Capability));
        Assert.IsType<LiquidHandlerSettings>(definition.Simulators[0].Settings);
        Assert.True(definition.Simulators[2].Faults.Any);
    }

    [Fact]
    public void LoadFile_BandGapExample_MeasuringStepHasRetrySkipAndRetryElsewhere()
    {
        var definition = CampaignLoader.LoadFile(Path.Combine(RepositoryRoot(), "workflows", "band-gap.yaml"));

        var measuring = definition.Steps[2];
        Assert.Equal(new StepRetryPolicy(2, TimeSpan.FromMinutes(1)), measuring.Retry);
        Assert.Equal(StepFailurePolicy.RetryElsewhere, measuring.OnFailure);
        Assert.Equal("annealing", measuring.SkipIf?.Step);
        Assert.True(definition.Simulators[2].Idempotent);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SelfDrivingLab.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No SelfDrivingLab.sln above {AppContext.BaseDirectory}.");
    }
}
