namespace SelfDrivingLab.Optimization.Space;

/// <summary>Euclidean projection onto the probability simplex (Duchi et al., 2008).</summary>
internal static class SimplexProjection
{
    /// <summary>Replaces <paramref name="values"/> by the closest point with non-negative entries summing to 1.</summary>
    public static void Project(Span<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        Array.Reverse(sorted);
        var cumulative = 0.0;
        var threshold = 0.0;
        for (var j = 0; j < sorted.Length; j++)
        {
            cumulative += sorted[j];
            var candidate = (cumulative - 1) / (j + 1);
            if (sorted[j] - candidate > 0)
            {
                threshold = candidate;
            }
        }

        for (var j = 0; j < values.Length; j++)
        {
            values[j] = Math.Max(values[j] - threshold, 0);
        }
    }
}
