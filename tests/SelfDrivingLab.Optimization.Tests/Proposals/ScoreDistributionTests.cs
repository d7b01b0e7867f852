using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Proposals;

namespace SelfDrivingLab.Optimization.Tests.Proposals;

public sealed class ScoreDistributionTests
{
    [Fact]
    public void FromMeasured_MaximizeAndMinimize_FlipSignOnly()
    {
        Assert.Equal((2.0, 0.5), ScoreDistribution.FromMeasured(new Objective("y", ObjectiveGoal.Maximize), 2, 0.5));
        Assert.Equal((-2.0, 0.5), ScoreDistribution.FromMeasured(new Objective("y", ObjectiveGoal.Minimize), 2, 0.5));
    }

    [Fact]
    public void FromMeasured_TargetAtMean_IsHalfNormalMoments()
    {
        var (mean, sd) = ScoreDistribution.FromMeasured(new Objective("y", ObjectiveGoal.Target, 3), 3, 2);

        Assert.Equal(-2 * Math.Sqrt(2 / Math.PI), mean, 12);
        Assert.Equal(2 * Math.Sqrt(1 - (2 / Math.PI)), sd, 12);
    }

    [Fact]
    public void FromMeasured_TargetFarFromMean_ApproachesShiftedNormal()
    {
        var (mean, sd) = ScoreDistribution.FromMeasured(new Objective("y", ObjectiveGoal.Target, 0), 10, 0.5);

        Assert.Equal(-10, mean, 9);
        Assert.Equal(0.5, sd, 9);
    }

    [Fact]
    public void FromMeasured_TargetMatchesMonteCarlo()
    {
        var random = new Random(1);
        var samples = Enumerable.Range(0, 200_000).Select(_ =>
        {
            var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            return -Math.Abs(1.3 + (0.8 * z) - 1);
        }).ToArray();
        var sampleMean = samples.Average();
        var sampleSd = Math.Sqrt(samples.Average(s => (s - sampleMean) * (s - sampleMean)));

        var (mean, sd) = ScoreDistribution.FromMeasured(new Objective("y", ObjectiveGoal.Target, 1), 1.3, 0.8);

        Assert.Equal(sampleMean, mean, 2);
        Assert.Equal(sampleSd, sd, 2);
    }
}
