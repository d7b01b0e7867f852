namespace SelfDrivingLab.Optimization.Objectives;

/// <summary>
/// Splits the space above a reference point into disjoint axis-aligned boxes along the grid of a front's coordinates.
/// Over the first m - 1 objectives every grid cell is a column; the points that dominate the whole column (each
/// component at least the cell's upper corner) dominate it up to t, the largest of their last components, so the column
/// is dominated below t and not dominated above it. Hence the hypervolume is the sum over columns of the cell's area
/// times (t - reference), and the non-dominated region is the union of the boxes cell × [t, ∞) — the decomposition the
/// expected hypervolume improvement integrates over (<see cref="Acquisition.ExpectedHypervolumeImprovement"/>). There
/// are Π_j (n_j + 1) columns for n_j distinct coordinates above the reference in objective j &lt; m - 1: n + 1 boxes for
/// two objectives. Stateless and thread-safe.
/// </summary>
internal static class HypervolumeBoxes
{
    /// <summary>Checks the input; returns copies of the points that strictly dominate the reference in every component.</summary>
    public static List<double[]> Relevant(IReadOnlyList<IReadOnlyList<double>> points, IReadOnlyList<double> reference)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(reference);
        var m = reference.Count;
        if (m < 2 || reference.Any(r => !double.IsFinite(r)))
        {
            throw new ArgumentException($"The reference point needs at least two finite components (got {m}).", nameof(reference));
        }

        var relevant = new List<double[]>(points.Count);
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            if (p is null || p.Count != m || p.Any(v => !double.IsFinite(v)))
            {
                throw new ArgumentException($"Point {i} needs {m} finite components, one per objective.", nameof(points));
            }

            var above = true;
            for (var j = 0; j < m && above; j++)
            {
                above = p[j] > reference[j];
            }

            if (above)
            {
                relevant.Add([.. p]);
            }
        }

        return relevant;
    }

    /// <summary>Per objective, the reference's component and the points' components, sorted and distinct (index 0 is the reference).</summary>
    public static double[][] Grid(IReadOnlyList<double[]> points, IReadOnlyList<double> reference) =>
        [.. Enumerable.Range(0, reference.Count).Select(j => points.Select(p => p[j]).Append(reference[j]).Distinct().Order().ToArray())];

    /// <summary>
    /// Every column: a cell of the grid of the first m - 1 objectives (index k_j spans [grid_j[k_j], grid_j[k_j + 1]),
    /// unbounded above for the last index) and the points that dominate all of it in those objectives (none for an
    /// unbounded cell).
    /// </summary>
    public static IEnumerable<(int[] Cell, List<double[]> Dominating)> Columns(IReadOnlyList<double[]> points, double[][] grid)
    {
        var free = grid.Length - 1;
        var cell = new int[free];
        while (true)
        {
            var dominating = new List<double[]>();
            var bounded = true;
            for (var j = 0; j < free && bounded; j++)
            {
                bounded = cell[j] + 1 < grid[j].Length;
            }

            if (bounded)
            {
                foreach (var p in points)
                {
                    var all = true;
                    for (var j = 0; j < free && all; j++)
                    {
                        all = p[j] >= grid[j][cell[j] + 1];
                    }

                    if (all)
                    {
                        dominating.Add(p);
                    }
                }
            }

            yield return ((int[])cell.Clone(), dominating);

            // Next cell, last index fastest.
            var k = free - 1;
            while (k >= 0 && ++cell[k] == grid[k].Length)
            {
                cell[k] = 0;
                k--;
            }

            if (k < 0)
            {
                yield break;
            }
        }
    }

    /// <summary>The non-dominated region above <paramref name="reference"/> as disjoint boxes (see the class remarks).</summary>
    /// <exception cref="ArgumentException">As <see cref="Hypervolume.Compute"/>.</exception>
    public static BoxDecomposition Decompose(IReadOnlyList<IReadOnlyList<double>> front, IReadOnlyList<double> reference)
    {
        var points = Relevant(front, reference);
        var grid = Grid(points, reference);
        var last = reference.Count - 1;
        var lower = new List<int[]>();
        var upper = new List<int[]>();
        foreach (var (cell, dominating) in Columns(points, grid))
        {
            var t = dominating.Count == 0 ? reference[last] : dominating.Max(p => p[last]);
            var low = new int[reference.Count];
            var high = new int[reference.Count];
            for (var j = 0; j < last; j++)
            {
                low[j] = cell[j];
                high[j] = cell[j] + 1;
            }

            low[last] = Array.BinarySearch(grid[last], t);
            high[last] = grid[last].Length;
            lower.Add(low);
            upper.Add(high);
        }

        return new BoxDecomposition(grid, [.. lower], [.. upper]);
    }
}
