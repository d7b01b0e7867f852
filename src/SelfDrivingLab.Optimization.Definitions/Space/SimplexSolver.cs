namespace SelfDrivingLab.Optimization.Space;

/// <summary>
/// A small dense two-phase simplex method with Bland's rule (so it always terminates): maximize c·x subject to
/// rows a·x ≤ b or a·x = b and x ≥ 0. Meant for the handful of variables and constraints of a search space, not
/// for large programs. Stateless and thread-safe.
/// </summary>
internal static class SimplexSolver
{
    private const double Epsilon = 1e-9;

    /// <summary>One constraint row: Σ <see cref="Coefficients"/>·x ≤ (or =) <see cref="Bound"/>.</summary>
    internal sealed record Row(double[] Coefficients, double Bound, bool IsEquality = false);

    /// <summary>How a solve ended.</summary>
    internal enum Status
    {
        Optimal,
        Infeasible,
        Unbounded,
    }

    /// <summary>Maximizes <paramref name="objective"/>·x over x ≥ 0 and <paramref name="rows"/>; the point is null unless optimal.</summary>
    public static (Status Status, double[]? Point, double Value) Maximize(double[] objective, IReadOnlyList<Row> rows)
    {
        var n = objective.Length;
        var m = rows.Count;

        // Columns: n originals, one slack per inequality, one artificial per row that needs one, then the right-hand side.
        var slackOf = new int[m];
        var artificialOf = new int[m];
        var columns = n;
        for (var i = 0; i < m; i++)
        {
            slackOf[i] = rows[i].IsEquality ? -1 : columns++;
        }

        var negate = new bool[m];
        for (var i = 0; i < m; i++)
        {
            negate[i] = rows[i].Bound < 0;
            artificialOf[i] = rows[i].IsEquality || negate[i] ? columns++ : -1;
        }

        var firstArtificial = n + rows.Count(r => !r.IsEquality);
        var rhs = columns;
        var t = new double[m + 1][];
        var basis = new int[m];
        for (var i = 0; i < m; i++)
        {
            t[i] = new double[columns + 1];
            var sign = negate[i] ? -1.0 : 1.0;
            for (var j = 0; j < n; j++)
            {
                t[i][j] = sign * rows[i].Coefficients[j];
            }

            if (slackOf[i] >= 0)
            {
                t[i][slackOf[i]] = sign;
            }

            if (artificialOf[i] >= 0)
            {
                t[i][artificialOf[i]] = 1;
            }

            t[i][rhs] = sign * rows[i].Bound;
            basis[i] = artificialOf[i] >= 0 ? artificialOf[i] : slackOf[i];
        }

        t[m] = new double[columns + 1];

        // Phase I: maximize −Σ artificials.
        var phaseOne = new double[columns];
        for (var j = firstArtificial; j < columns; j++)
        {
            phaseOne[j] = -1;
        }

        SetObjective(t, basis, phaseOne);
        Run(t, basis, columns);
        if (-t[m][rhs] < -Epsilon * Math.Max(1, rows.Sum(r => Math.Abs(r.Bound))))
        {
            return (Status.Infeasible, null, double.NaN);
        }

        // Drive artificials still basic (at zero) out of the basis; a row with nothing else is redundant.
        for (var i = 0; i < m; i++)
        {
            if (basis[i] >= firstArtificial)
            {
                for (var j = 0; j < firstArtificial; j++)
                {
                    if (Math.Abs(t[i][j]) > Epsilon)
                    {
                        Pivot(t, basis, i, j);
                        break;
                    }
                }
            }
        }

        // Phase II, artificial columns barred from entering.
        var phaseTwo = new double[columns];
        Array.Copy(objective, phaseTwo, n);
        SetObjective(t, basis, phaseTwo);
        if (!Run(t, basis, firstArtificial))
        {
            return (Status.Unbounded, null, double.PositiveInfinity);
        }

        var point = new double[n];
        for (var i = 0; i < m; i++)
        {
            if (basis[i] < n)
            {
                point[basis[i]] = t[i][rhs];
            }
        }

        return (Status.Optimal, point, -t[m][rhs]);
    }

    // The objective row holds reduced profits c_j − c_B·B⁻¹a_j and, in the right-hand side, −(objective value).
    private static void SetObjective(double[][] t, int[] basis, double[] costs)
    {
        var m = basis.Length;
        var width = t[m].Length;
        Array.Clear(t[m]);
        Array.Copy(costs, t[m], costs.Length);
        for (var i = 0; i < m; i++)
        {
            var cost = basis[i] < costs.Length ? costs[basis[i]] : 0;
            if (cost != 0)
            {
                for (var j = 0; j < width; j++)
                {
                    t[m][j] -= cost * t[i][j];
                }
            }
        }
    }

    /// <summary>Pivots to optimality with Bland's rule over columns below <paramref name="enterable"/>; false when unbounded.</summary>
    private static bool Run(double[][] t, int[] basis, int enterable)
    {
        var m = basis.Length;
        var rhs = t[m].Length - 1;
        while (true)
        {
            var entering = -1;
            for (var j = 0; j < enterable; j++)
            {
                if (t[m][j] > Epsilon)
                {
                    entering = j;
                    break;
                }
            }

            if (entering < 0)
            {
                return true;
            }

            var leaving = -1;
            var best = double.PositiveInfinity;
            for (var i = 0; i < m; i++)
            {
                if (t[i][entering] > Epsilon)
                {
                    var ratio = t[i][rhs] / t[i][entering];
                    if (ratio < best - Epsilon || (Math.Abs(ratio - best) <= Epsilon && basis[i] < basis[leaving]))
                    {
                        (best, leaving) = (ratio, i);
                    }
                }
            }

            if (leaving < 0)
            {
                return false;
            }

            Pivot(t, basis, leaving, entering);
        }
    }

    private static void Pivot(double[][] t, int[] basis, int row, int column)
    {
        var pivot = t[row][column];
        var width = t[row].Length;
        for (var j = 0; j < width; j++)
        {
            t[row][j] /= pivot;
        }

        for (var i = 0; i < t.Length; i++)
        {
            var factor = t[i][column];
            if (i != row && factor != 0)
            {
                for (var j = 0; j < width; j++)
                {
                    t[i][j] -= factor * t[row][j];
                }
            }
        }

        basis[row] = column;
    }
}
