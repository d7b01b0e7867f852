using SelfDrivingLab.Campaigns.Definitions;

namespace SelfDrivingLab.Campaigns.Definitions.Tests;

public sealed class DurationDistributionTests
{
    private const int Samples = 20_000;

    [Fact]
    public void Fixed_AlwaysTheValueAndDrawsNothing()
    {
        var random = new Random(1);
        var fixedDuration = DurationDistribution.Fixed(TimeSpan.FromMinutes(7));

        Assert.All(Enumerable.Range(0, 10), _ => Assert.Equal(TimeSpan.FromMinutes(7), fixedDuration.Sample(random)));
        Assert.Equal(new Random(1).NextDouble(), random.NextDouble());
    }

    [Fact]
    public void Uniform_StaysInBoundsWithTheMeanAndSdOfAUniform()
    {
        var uniform = DurationDistribution.Uniform(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30));
        var random = new Random(2);

        var minutes = Enumerable.Range(0, Samples).Select(_ => uniform.Sample(random).TotalMinutes).ToList();

        Assert.All(minutes, m => Assert.InRange(m, 10, 30));
        Assert.Equal(TimeSpan.FromMinutes(20), uniform.Mean);
        Assert.Equal(20 / Math.Sqrt(12), uniform.StandardDeviation.TotalMinutes, 6);
        Assert.Equal(20, minutes.Average(), 0.2);
    }

    [Fact]
    public void LogNormal_SampleMomentsMatchTheMeanAndSdAsked()
    {
        var logNormal = DurationDistribution.LogNormal(TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(5));
        var random = new Random(3);

        var minutes = Enumerable.Range(0, Samples).Select(_ => logNormal.Sample(random).TotalMinutes).ToList();
        var mean = minutes.Average();
        var sd = Math.Sqrt(minutes.Sum(m => (m - mean) * (m - mean)) / (minutes.Count - 1));

        // Standard error of the mean is 5 / sqrt(20000) = 0.035 min.
        Assert.All(minutes, m => Assert.True(m > 0));
        Assert.Equal(20, mean, 0.16);
        Assert.Equal(5, sd, 0.25);
    }

    [Fact]
    public void Normal_PositionalFormUnchanged_FloorAtATenthOfTheMean()
    {
        var normal = new DurationDistribution(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(50));
        var random = new Random(4);

        var minutes = Enumerable.Range(0, 2000).Select(_ => normal.Sample(random).TotalMinutes).ToList();

        Assert.Equal(DurationDistributionKind.Normal, normal.Kind);
        Assert.Equal(DurationDistribution.Normal(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(50)), normal);
        Assert.Equal(1.0, minutes.Min(), 6);
    }
}
