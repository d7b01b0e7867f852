namespace SelfDrivingLab.Benchmarks.Protocol;

/// <summary>Order statistics with linear interpolation between order statistics (numpy's default).</summary>
internal static class Quantiles
{
    /// <summary>The q-quantile of <paramref name="values"/>; +∞ entries (never reached) sort last and propagate.</summary>
    public static double Of(IEnumerable<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var position = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        var weight = position - lower;
        if (weight == 0 || sorted[lower] == sorted[upper])
        {
            return sorted[lower];
        }

        return double.IsPositiveInfinity(sorted[upper]) ? double.PositiveInfinity : sorted[lower] + (weight * (sorted[upper] - sorted[lower]));
    }
}
