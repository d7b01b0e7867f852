namespace SelfDrivingLab.Benchmarks.Protocol;

/// <summary>
/// One benchmark campaign: the candidates in the order measured and, after each experiment, the fraction of the top-5%
/// set found (Top%). Experiment counts are 1-based and include the initial random ones. Immutable.
/// </summary>
/// <param name="Seed">The campaign's seed index.</param>
/// <param name="Picks">Candidate indices in measurement order.</param>
/// <param name="TopFraction">Top% after experiment k+1 at index k.</param>
/// <param name="FirstTop1">Experiment that first measured a top-1% candidate; null if none within the budget.</param>
/// <param name="FirstTop5">Experiment that first measured a top-5% candidate; null if none within the budget.</param>
public sealed record CampaignTrace(int Seed, IReadOnlyList<int> Picks, IReadOnlyList<double> TopFraction, int? FirstTop1, int? FirstTop5)
{
    /// <summary>The first experiment after which Top% ≥ <paramref name="level"/>; null if never within the budget.</summary>
    public int? ExperimentsToReach(double level)
    {
        for (var k = 0; k < TopFraction.Count; k++)
        {
            if (TopFraction[k] >= level - 1e-12)
            {
                return k + 1;
            }
        }

        return null;
    }
}
