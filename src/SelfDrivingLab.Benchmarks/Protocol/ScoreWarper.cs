using MathNet.Numerics.Distributions;

namespace SelfDrivingLab.Benchmarks.Protocol;

/// <summary>Applies a <see cref="ScoreWarping"/> to the scores measured so far.</summary>
internal static class ScoreWarper
{
    public static double[] Apply(ScoreWarping warping, IReadOnlyList<double> scores) => warping switch
    {
        ScoreWarping.None => [.. scores],
        ScoreWarping.Copula => Copula(scores),
        _ => throw new ArgumentOutOfRangeException(nameof(warping), warping, "Unknown score warping."),
    };

    private static double[] Copula(IReadOnlyList<double> scores)
    {
        var n = scores.Count;
        var order = Enumerable.Range(0, n).OrderBy(i => scores[i]).ToArray();
        var warped = new double[n];
        for (var start = 0; start < n;)
        {
            var end = start;
            while (end + 1 < n && scores[order[end + 1]] == scores[order[start]])
            {
                end++;
            }

            // Ranks start..end (0-based) are tied: all get the mean rank, so equal scores stay equal.
            var midRank = ((start + end) / 2.0) + 0.5;
            var quantile = Normal.InvCDF(0, 1, midRank / n);
            for (var k = start; k <= end; k++)
            {
                warped[order[k]] = quantile;
            }

            start = end + 1;
        }

        return warped;
    }
}
