namespace SelfDrivingLab.Optimization.Feasibility;

/// <summary>
/// Weights an acquisition value by the probability of success p. Non-negative acquisitions (EI, PI) are multiplied by p
/// (ranked as log a + log p). Signed ones (UCB, a Thompson sample) are made relative to the best score b first:
/// (a - b)·p above it and (a - b)/p below it, which is continuous, increasing in a and in p, and pushes likely failures
/// to the bottom either way.
/// </summary>
internal static class FeasibilityWeighting
{
    private const double SmallestProbability = 1e-12;

    /// <summary>The weighted acquisition value.</summary>
    public static double Value(double acquisition, double probability, double bestScore, bool nonNegative)
    {
        var p = Math.Max(probability, SmallestProbability);
        if (nonNegative)
        {
            return acquisition * p;
        }

        var improvement = acquisition - bestScore;
        return improvement >= 0 ? improvement * p : improvement / p;
    }

    /// <summary>The weighted ranking value, where <paramref name="ranking"/> is log a for non-negative acquisitions.</summary>
    public static double Ranking(double ranking, double probability, double bestScore, bool nonNegative) =>
        nonNegative ? ranking + Math.Log(Math.Max(probability, SmallestProbability)) : Value(ranking, probability, bestScore, nonNegative: false);
}
