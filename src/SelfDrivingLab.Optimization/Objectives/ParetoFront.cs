namespace SelfDrivingLab.Optimization.Objectives;

/// <summary>Pareto dominance on score vectors (every component larger-is-better, see <see cref="Objective.Score"/>).</summary>
public static class ParetoFront
{
    /// <summary>True when <paramref name="a"/> is at least as good as <paramref name="b"/> everywhere and better somewhere.</summary>
    public static bool Dominates(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var strictly = false;
        for (var j = 0; j < a.Count; j++)
        {
            if (a[j] < b[j])
            {
                return false;
            }

            strictly |= a[j] > b[j];
        }

        return strictly;
    }

    /// <summary>
    /// Non-dominated sorting (Deb et al. 2002): rank 0 is the Pareto front, rank 1 the front of what remains, and so on.
    /// O(m·n²) for n points with m scores each; duplicates share a rank.
    /// </summary>
    /// <exception cref="ArgumentException">The vectors differ in length or hold non-finite values.</exception>
    public static int[] Ranks(IReadOnlyList<IReadOnlyList<double>> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var n = scores.Count;
        if (n > 0 && scores.Any(s => s is null || s.Count != scores[0].Count || s.Any(v => !double.IsFinite(v))))
        {
            throw new ArgumentException("Score vectors must all have the same length and finite values.", nameof(scores));
        }

        var dominatedBy = new int[n];
        var dominates = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            dominates[i] = [];
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                if (Dominates(scores[i], scores[j]))
                {
                    dominates[i].Add(j);
                    dominatedBy[j]++;
                }
                else if (Dominates(scores[j], scores[i]))
                {
                    dominates[j].Add(i);
                    dominatedBy[i]++;
                }
            }
        }

        var ranks = new int[n];
        var current = Enumerable.Range(0, n).Where(i => dominatedBy[i] == 0).ToList();
        for (var rank = 0; current.Count > 0; rank++)
        {
            var next = new List<int>();
            foreach (var i in current)
            {
                ranks[i] = rank;
                foreach (var j in dominates[i])
                {
                    if (--dominatedBy[j] == 0)
                    {
                        next.Add(j);
                    }
                }
            }

            current = next;
        }

        return ranks;
    }

    /// <summary>Indices of the non-dominated vectors (rank 0), in input order.</summary>
    public static IReadOnlyList<int> Front(IReadOnlyList<IReadOnlyList<double>> scores)
    {
        var ranks = Ranks(scores);
        return Enumerable.Range(0, ranks.Length).Where(i => ranks[i] == 0).ToArray();
    }

    /// <summary>
    /// Indices, in input order, of the measured vectors that count — meet every objective's thresholds
    /// (<see cref="Objective.Counts"/>) — and that no other counting vector dominates in scores: the Pareto front of a
    /// multi-objective campaign. A result outside a threshold is on no front, whatever its other values.
    /// </summary>
    /// <param name="measured">Measured values, one vector per result, in the objectives' order and units.</param>
    /// <param name="objectives">The objectives.</param>
    /// <exception cref="ArgumentException">A vector's length differs from the number of objectives, or a value is not finite.</exception>
    public static IReadOnlyList<int> CountingFront(IReadOnlyList<IReadOnlyList<double>> measured, IReadOnlyList<Objective> objectives)
    {
        ArgumentNullException.ThrowIfNull(measured);
        ArgumentNullException.ThrowIfNull(objectives);
        if (measured.Any(v => v is null || v.Count != objectives.Count))
        {
            throw new ArgumentException($"Every result needs {objectives.Count} values, one per objective.", nameof(measured));
        }

        var counting = Enumerable.Range(0, measured.Count).Where(i => objectives.Select((o, j) => o.Counts(measured[i][j])).All(c => c)).ToArray();
        var scores = counting.Select(i => (IReadOnlyList<double>)objectives.Select((o, j) => o.Score(measured[i][j])).ToArray()).ToArray();
        return [.. Front(scores).Select(k => counting[k])];
    }
}
