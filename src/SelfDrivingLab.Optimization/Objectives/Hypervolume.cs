namespace SelfDrivingLab.Optimization.Objectives;

/// <summary>
/// The hypervolume indicator: the volume of the region that a set of score vectors dominates and that dominates a
/// reference point (every component larger-is-better, as <see cref="Objective.Score"/>). Exact: two objectives by
/// sorting (O(n log n)); three or more by slicing the space on the grid of the points' coordinates
/// (<see cref="HypervolumeBoxes"/>: one column per grid cell of the first m - 1 objectives, whose dominated height
/// along the last is the largest last score among the points that dominate the cell; O(n^m)), meant for the small
/// fronts of a laboratory campaign. Stateless and thread-safe.
/// </summary>
public static class Hypervolume
{
    /// <summary>
    /// The hypervolume of <paramref name="points"/> above <paramref name="reference"/>. Points that do not strictly
    /// dominate the reference in every component add nothing; an empty set has hypervolume 0.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than two components, vectors of different lengths, or non-finite values.</exception>
    public static double Compute(IReadOnlyList<IReadOnlyList<double>> points, IReadOnlyList<double> reference)
    {
        var relevant = HypervolumeBoxes.Relevant(points, reference);
        if (relevant.Count == 0)
        {
            return 0;
        }

        return reference.Count == 2 ? TwoObjectives(relevant, reference) : Sliced(relevant, reference);
    }

    /// <summary>
    /// The hypervolume that <paramref name="point"/> would add to <paramref name="points"/>:
    /// HV(points ∪ {point}) - HV(points).
    /// </summary>
    public static double Improvement(IReadOnlyList<IReadOnlyList<double>> points, IReadOnlyList<double> point, IReadOnlyList<double> reference)
    {
        ArgumentNullException.ThrowIfNull(points);
        return Compute([.. points, point], reference) - Compute(points, reference);
    }

    /// <summary>Sorted by the first score, descending, the front's second scores rise; each point adds its strip.</summary>
    private static double TwoObjectives(List<double[]> points, IReadOnlyList<double> reference)
    {
        points.Sort((a, b) => b[0] != a[0] ? b[0].CompareTo(a[0]) : b[1].CompareTo(a[1]));
        var volume = 0.0;
        var height = reference[1];
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i][1] > height)
            {
                var right = points[i][0];
                volume += (right - reference[0]) * (points[i][1] - height);
                height = points[i][1];
            }
        }

        return volume;
    }

    private static double Sliced(List<double[]> points, IReadOnlyList<double> reference)
    {
        var grid = HypervolumeBoxes.Grid(points, reference);
        var last = reference.Count - 1;
        var volume = 0.0;
        foreach (var (cell, dominating) in HypervolumeBoxes.Columns(points, grid))
        {
            if (dominating.Count == 0)
            {
                continue;
            }

            var top = dominating.Max(p => p[last]);
            var area = 1.0;
            for (var j = 0; j < last; j++)
            {
                area *= grid[j][cell[j] + 1] - grid[j][cell[j]];
            }

            volume += area * (top - reference[last]);
        }

        return volume;
    }
}
