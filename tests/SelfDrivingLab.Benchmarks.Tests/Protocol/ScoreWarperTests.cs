using MathNet.Numerics.Distributions;
using SelfDrivingLab.Benchmarks.Protocol;

namespace SelfDrivingLab.Benchmarks.Tests.Protocol;

public sealed class ScoreWarperTests
{
    [Fact]
    public void Apply_Copula_GivesNormalQuantilesOfMidRanks()
    {
        var warped = ScoreWarper.Apply(ScoreWarping.Copula, [10, -3, 1000, 2]);

        // Ranks (0-based) 2, 0, 3, 1 of 4: quantiles at (r + ½)/4.
        double[] expected = [Normal.InvCDF(0, 1, 0.625), Normal.InvCDF(0, 1, 0.125), Normal.InvCDF(0, 1, 0.875), Normal.InvCDF(0, 1, 0.375)];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], warped[i], 12);
        }
    }

    [Fact]
    public void Apply_CopulaWithTies_SharesTheMeanRank()
    {
        var warped = ScoreWarper.Apply(ScoreWarping.Copula, [5, 1, 5]);

        // The two 5s hold ranks 1 and 2: mean rank 1.5, quantile at 2/3; the 1 sits at 1/6.
        Assert.Equal(warped[0], warped[2]);
        Assert.Equal(Normal.InvCDF(0, 1, 2.0 / 3), warped[0], 12);
        Assert.Equal(Normal.InvCDF(0, 1, 1.0 / 6), warped[1], 12);
    }

    [Fact]
    public void Apply_None_CopiesTheScores()
    {
        double[] scores = [3, 1, 2];

        var warped = ScoreWarper.Apply(ScoreWarping.None, scores);

        Assert.Equal(scores, warped);
        Assert.NotSame(scores, warped);
    }
}
