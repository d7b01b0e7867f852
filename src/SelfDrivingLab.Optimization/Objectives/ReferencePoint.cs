namespace SelfDrivingLab.Optimization.Objectives;

/// <summary>
/// The reference point of the hypervolume a campaign's proposals improve, in scores (larger is better), per objective j:
/// <list type="number">
/// <item>its threshold when that bounds the score from below (<see cref="Objective.ScoreThreshold"/>: <c>at_least</c>
/// of a maximized output, <c>at_most</c> of a minimized one, negated) — a result below it adds nothing, exactly as a
/// result outside a threshold counts for nothing;</item>
/// <item>otherwise the nadir of the Pareto front of the results that count, minus 10 % of the front's range in that
/// objective (BoTorch's <c>infer_reference_point</c>, scale 0.1): r_j = nadir_j - 0.1·(ideal_j - nadir_j). When the
/// front has no range in j (one point), the range of every result's score is used, and when that is 0 too, 1. With
/// no result that counts, the nadir is the worst score of all results.</item>
/// </list>
/// Every front point then adds volume, and so does a new point slightly worse than the front's worst in one objective
/// when it is better in another. Stateless and thread-safe.
/// </summary>
public static class ReferencePoint
{
    /// <summary>The margin below the nadir, as a fraction of the range (0.1).</summary>
    public const double Margin = 0.1;

    /// <summary>
    /// The reference point for <paramref name="objectives"/> given the score vectors of every result
    /// (<paramref name="scores"/>) and which of them count (meet every threshold).
    /// </summary>
    /// <exception cref="ArgumentException">No results, or vectors and flags that do not match the objectives.</exception>
    public static double[] Infer(IReadOnlyList<Objective> objectives, IReadOnlyList<IReadOnlyList<double>> scores, IReadOnlyList<bool> counts)
    {
        ArgumentNullException.ThrowIfNull(objectives);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(counts);
        var m = objectives.Count;
        if (scores.Count == 0 || counts.Count != scores.Count || scores.Any(s => s is null || s.Count != m))
        {
            throw new ArgumentException($"The reference point needs at least one result with {m} scores and a flag per result.", nameof(scores));
        }

        var counting = scores.Where((_, i) => counts[i]).ToArray();
        var front = counting.Length == 0 ? [] : ParetoFront.Front(counting).Select(i => counting[i]).ToArray();
        var reference = new double[m];
        for (var j = 0; j < m; j++)
        {
            if (objectives[j].ScoreThreshold is { } threshold)
            {
                reference[j] = threshold;
                continue;
            }

            var all = scores.Select(s => s[j]).ToArray();
            var span = all.Max() - all.Min();
            double nadir;
            double range;
            if (front.Length == 0)
            {
                (nadir, range) = (all.Min(), span);
            }
            else
            {
                nadir = front.Min(s => s[j]);
                range = front.Max(s => s[j]) - nadir;
                range = range > 0 ? range : span;
            }

            reference[j] = nadir - (Margin * (range > 0 ? range : 1));
        }

        return reference;
    }
}
