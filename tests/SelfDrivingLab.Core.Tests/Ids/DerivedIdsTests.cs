using SelfDrivingLab.Core.Ids;

namespace SelfDrivingLab.Core.Tests.Ids;

public sealed class DerivedIdsTests
{
    private static readonly DateTimeOffset Started = new(2026, 3, 1, 9, 5, 7, TimeSpan.FromHours(2));

    [Fact]
    public void Campaign_FirstAndCollision_NameThenUtcStartThenSuffix()
    {
        Assert.Equal("band-gap-20260301-070507", DerivedIds.Campaign("band-gap", Started));
        Assert.Equal("band-gap-20260301-070507-3", DerivedIds.Campaign("band-gap", Started, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => DerivedIds.Campaign("band-gap", Started, DerivedIds.MaxCampaignCollision + 1));
    }

    [Fact]
    public void CommandIds_StepSendAndBusySuffixes_ComposeInOrder()
    {
        var experiment = DerivedIds.Experiment("c1", 7);
        var step = DerivedIds.Step(experiment, 2);

        Assert.Equal("c1-e0007", experiment);
        Assert.Equal("c1-e12345", DerivedIds.Experiment("c1", 12345));
        Assert.Equal("c1-e0007-s3", step);
        Assert.Equal("c1-e0007-s3-a2", DerivedIds.Attempt(step, 2));
        Assert.Equal("c1-e0007-s3", DerivedIds.Busy(step, 1));
        Assert.Equal("c1-e0007-s3-a2-r6", DerivedIds.Busy(DerivedIds.Attempt(step, 2), DerivedIds.MaxBusyAttempts));
    }
}
