namespace SelfDrivingLab.Benchmarks.Protocol;

/// <summary>
/// The top fraction of a pool by score: the k = ⌈fraction·N⌉ best candidates, plus every candidate tied with the k-th
/// best score (so ties never depend on row order and the set may be slightly larger than k). Immutable.
/// </summary>
public sealed class GoodSet
{
    private readonly bool[] _members;

    /// <summary>Builds the set of the best <paramref name="fraction"/> of <paramref name="scores"/> (larger is better).</summary>
    public GoodSet(IReadOnlyList<double> scores, double fraction)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count == 0 || !(fraction > 0 && fraction <= 1))
        {
            throw new ArgumentException("Need a non-empty pool and a fraction in (0, 1].", nameof(fraction));
        }

        var k = Math.Max(1, (int)Math.Ceiling((fraction * scores.Count) - 1e-9));
        Threshold = scores.OrderDescending().ElementAt(k - 1);
        _members = scores.Select(s => s >= Threshold).ToArray();
        Count = _members.Count(m => m);
    }

    /// <summary>The score of the k-th best candidate; members score at least this.</summary>
    public double Threshold { get; }

    /// <summary>Number of members (k, or more with ties).</summary>
    public int Count { get; }

    /// <summary>True when candidate <paramref name="index"/> is in the set.</summary>
    public bool Contains(int index) => _members[index];
}
