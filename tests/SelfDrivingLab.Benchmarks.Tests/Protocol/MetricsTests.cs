using SelfDrivingLab.Benchmarks.Protocol;

namespace SelfDrivingLab.Benchmarks.Tests.Protocol;

public sealed class MetricsTests
{
    [Fact]
    public void GoodSet_TopFivePercent_IsCeilingOfFraction()
    {
        var set = new GoodSet([.. Enumerable.Range(0, 41).Select(i => (double)i)], 0.05);

        // ⌈0.05·41⌉ = 3: values 38, 39, 40.
        Assert.Equal(3, set.Count);
        Assert.Equal(38, set.Threshold);
        Assert.True(set.Contains(38));
        Assert.False(set.Contains(37));
    }

    [Fact]
    public void GoodSet_TiesWithKthBest_AreAllIncluded()
    {
        var set = new GoodSet([1, 5, 5, 5, 2, 0, 0, 0, 0, 0], 0.2);

        Assert.Equal(3, set.Count);
        Assert.True(set.Contains(1) && set.Contains(2) && set.Contains(3));
    }

    [Fact]
    public void CampaignTrace_ExperimentsToReach_FirstCrossing()
    {
        var trace = new CampaignTrace(0, [0, 1, 2, 3], [0, 0.4, 0.8, 1.0], null, 2);

        Assert.Equal(3, trace.ExperimentsToReach(0.8));
        Assert.Equal(2, trace.ExperimentsToReach(0.1));
        Assert.Null(new CampaignTrace(0, [0], [0.5], null, null).ExperimentsToReach(0.8));
    }

    [Fact]
    public void Quantiles_LinearInterpolation_AndInfinityPropagates()
    {
        Assert.Equal(2.5, Quantiles.Of([1, 2, 3, 4], 0.5));
        Assert.Equal(1.15, Quantiles.Of([1, 2, 3, 4], 0.05), 12);
        Assert.Equal(3, Quantiles.Of([1, 3, double.PositiveInfinity], 0.5));
        Assert.True(double.IsPositiveInfinity(Quantiles.Of([1, double.PositiveInfinity, double.PositiveInfinity], 0.5)));
    }

    [Fact]
    public void Summarize_HandMadeTraces_MediansBandsAndFactors()
    {
        // Three campaigns over a pool of 100 with a good set of 5; Top% steps of 0.2 per good find.
        CampaignTrace[] traces =
        [
            new(0, [.. Enumerable.Range(0, 10)], [0, 0.2, 0.4, 0.6, 0.8, 0.8, 0.8, 0.8, 1, 1], 2, 2),
            new(1, [.. Enumerable.Range(0, 10)], [0, 0, 0.2, 0.4, 0.6, 0.8, 0.8, 0.8, 0.8, 0.8], 3, 3),
            new(2, [.. Enumerable.Range(0, 10)], [0, 0, 0, 0, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2], null, 5),
        ];

        var summary = StrategySummarizer.Summarize("s", traces, 100, randomExpectedTo80: 60, randomMedianTo80: 80, [0.5, 1.0]);

        Assert.Equal(3, summary.MedianToTop1);
        Assert.Equal(2, summary.Top1FoundCampaigns);
        Assert.Null(summary.Top1Band.High);
        Assert.Equal(3, summary.MedianToTop5);
        Assert.Equal(6, summary.MedianTo80);
        Assert.Equal(2, summary.Reached80Campaigns);
        Assert.Equal(10, summary.Af80!.Value, 12);
        Assert.Equal(80 / 6.0, summary.Af80Empirical!.Value, 12);
        Assert.Equal(0.8, summary.Top5Found);
        Assert.Equal(5, summary.Checkpoints[0].Experiments);
        Assert.Equal(0.6, summary.Checkpoints[0].MedianTopFraction, 12);
        Assert.Equal(0.6 / 0.05, summary.Checkpoints[0].Enhancement, 12);
    }

    [Fact]
    public void RandomExpectedExperiments_IsPositionOfMthOfGMarked()
    {
        Assert.Equal(8 * 179 / 10.0, StrategySummarizer.RandomExpectedExperiments(178, 9, 0.8), 12);
    }
}
