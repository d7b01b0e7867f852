namespace SelfDrivingLab.Benchmarks.Protocol;

/// <summary>
/// One benchmark campaign: the candidates in the order measured and, after each experiment, the fraction of the top-5%
/// set found (Top%). Experiment counts are 1-based and include the initial random ones. Immutable.
/// </summary>
/// <param name="Seed">The campaign's seed index.</param>
/// <param name="Picks">Candidate indices in measurement order.</param>
/// <param name="TopFraction">Top% after experiment k+1 at index k.</param>
/// <param name="FirstTop1">Experiment that first measured a top-1% candidate; null if none within the campaign.</param>
/// <param name="FirstTop5">Experiment that first measured a top-5% candidate; null if none within the campaign.</param>
/// <param name="StoppedAtGoal">
/// True when the campaign ended before its budget because Top% reached <see cref="BenchmarkSettings.GoalLevel"/>
/// (<see cref="BenchmarkSettings.StopAtGoal"/>): what would have come after is unknown.
/// </param>
public sealed record CampaignTrace(int Seed, IReadOnlyList<int> Picks, IReadOnlyList<double> TopFraction, int? FirstTop1, int? FirstTop5, bool StoppedAtGoal = false)
{
    /// <summary>The first experiment after which Top% ≥ <paramref name="level"/>; null if never within the campaign.</summary>
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

    internal static CampaignTrace Create(int seed, IReadOnlyList<int> picks, BenchmarkPool pool, bool stopped)
    {
        var curve = new double[picks.Count];
        var found = 0;
        int? firstTop1 = null;
        int? firstTop5 = null;
        for (var k = 0; k < picks.Count; k++)
        {
            if (pool.Top5.Contains(picks[k]))
            {
                found++;
                firstTop5 ??= k + 1;
            }

            if (pool.Top1.Contains(picks[k]))
            {
                firstTop1 ??= k + 1;
            }

            curve[k] = (double)found / pool.Top5.Count;
        }

        return new CampaignTrace(seed, picks.ToArray().AsReadOnly(), curve.AsReadOnly(), firstTop1, firstTop5, stopped);
    }
}
