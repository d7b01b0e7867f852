using SelfDrivingLab.Optimization.Designs;

namespace SelfDrivingLab.Optimization.Tests.Designs;

public sealed class SobolSequenceTests
{
    [Fact]
    public void Take_Unscrambled_MatchesPublishedFirstPoints()
    {
        // First 8 points of the Joe–Kuo Sobol sequence in 3 dimensions (as printed by their sobol.cc and SciPy, scramble=False).
        double[][] expected =
        [
            [0, 0, 0], [0.5, 0.5, 0.5], [0.75, 0.25, 0.25], [0.25, 0.75, 0.75],
            [0.375, 0.375, 0.625], [0.875, 0.875, 0.125], [0.625, 0.125, 0.875], [0.125, 0.625, 0.375],
        ];

        var points = new SobolSequence(3, scrambleSeed: null).Take(8);

        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], points[i]);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData(42)]
    public void Take_PowerOfTwoPrefix_HasOnePointPerStratumInEveryDimension(int? seed)
    {
        const int count = 64;
        var points = new SobolSequence(JoeKuoDirectionNumbers.MaxDimension, seed).Take(count);

        for (var d = 0; d < JoeKuoDirectionNumbers.MaxDimension; d++)
        {
            var strata = points.Select(p => (int)(p[d] * count)).Order().ToArray();
            Assert.Equal(Enumerable.Range(0, count), strata);
        }
    }

    [Fact]
    public void Take_TwoDimensionalProjection_IsANet()
    {
        // Dimensions 1 and 2 form a (0, m, 2)-net: every 4 x 16 box of area 1/64 holds exactly one of 64 points.
        var points = new SobolSequence(2, 7).Take(64);

        var boxes = points.Select(p => ((int)(p[0] * 4), (int)(p[1] * 16))).Distinct().Count();

        Assert.Equal(64, boxes);
    }

    [Fact]
    public void Take_Scrambled_IsReproducibleAndSeedDependent()
    {
        var a = new SobolSequence(5, 1).Take(16);
        var b = new SobolSequence(5, 1).Take(16);
        var c = new SobolSequence(5, 2).Take(16);

        Assert.Equal(a.SelectMany(p => p), b.SelectMany(p => p));
        Assert.NotEqual(a.SelectMany(p => p), c.SelectMany(p => p));
        Assert.All(a.SelectMany(p => p), v => Assert.InRange(v, 0, 1 - 1e-12));
    }

    [Fact]
    public void Constructor_TooManyDimensions_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SobolSequence(JoeKuoDirectionNumbers.MaxDimension + 1, null));
    }
}
