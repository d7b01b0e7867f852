namespace SelfDrivingLab.Core.Text;

/// <summary>Finds the known name closest to a misspelt one (Levenshtein distance), for "did you mean" hints. Stateless and thread-safe.</summary>
public static class NameSuggestion
{
    /// <summary>The closest of <paramref name="known"/> within a third of its length (at least 2 edits), or null.</summary>
    public static string? Closest(string given, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = Distance(given.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance && distance <= Math.Max(2, candidate.Length / 3))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary><c> (did you mean 'x'?)</c>, or empty when nothing is close.</summary>
    public static string DidYouMean(string given, IEnumerable<string> known) =>
        Closest(given, known) is { } match ? $" (did you mean '{match}'?)" : string.Empty;

    /// <summary>The Levenshtein distance between <paramref name="a"/> and <paramref name="b"/> (insertions, deletions and substitutions).</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
