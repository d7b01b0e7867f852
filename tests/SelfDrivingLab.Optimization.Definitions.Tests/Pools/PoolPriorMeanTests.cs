using SelfDrivingLab.Optimization.Pools;

namespace SelfDrivingLab.Optimization.Definitions.Tests.Pools;

public sealed class PoolPriorMeanTests
{
    [Fact]
    public void Constructor_NonFiniteMean_IsRefusedNamingTheCandidate()
    {
        var error = Assert.Throws<ArgumentException>(() => new PoolPriorMean([1.0, double.NaN]));

        Assert.Contains("candidate 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UncertaintiesOfAnotherLength_AreRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new PoolPriorMean([1.0, 2.0], [0.1]));

        Assert.Contains("1 prior uncertainties were given for 2 prior means", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NegativeUncertainty_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new PoolPriorMean([1.0, 2.0], [0.1, -0.1]));
    }

    [Fact]
    public void Constructor_CopiesTheMeans()
    {
        var means = new[] { 1.0, 2.0 };
        var prior = new PoolPriorMean(means);
        means[0] = 5;

        Assert.Equal([1.0, 2.0], prior.Means);
        Assert.Equal(PriorMeanScaling.Fixed, prior.Scaling);
    }
}
