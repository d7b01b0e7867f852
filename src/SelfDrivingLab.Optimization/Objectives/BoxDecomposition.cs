namespace SelfDrivingLab.Optimization.Objectives;

/// <summary>
/// Disjoint boxes whose union is the region above a reference point that a front does not dominate
/// (<see cref="HypervolumeBoxes.Decompose"/>). Box b spans [Coordinates[j][Lower[b][j]], Coordinates[j][Upper[b][j]])
/// in objective j, where an upper index equal to <c>Coordinates[j].Length</c> means +∞. Immutable by convention.
/// </summary>
/// <param name="Coordinates">Per objective, the distinct grid coordinates, ascending (index 0 is the reference's).</param>
/// <param name="Lower">Per box, the index of its lower corner in each objective.</param>
/// <param name="Upper">Per box, the index of its upper corner in each objective (<c>Coordinates[j].Length</c> for +∞).</param>
internal sealed record BoxDecomposition(double[][] Coordinates, int[][] Lower, int[][] Upper)
{
    /// <summary>Number of boxes.</summary>
    public int Count => Lower.Length;

    /// <summary>Number of objectives.</summary>
    public int Objectives => Coordinates.Length;

    /// <summary>
    /// The hypervolume a point <paramref name="y"/> would add to the front: Σ_b Π_j (min(y_j, upper_bj) - lower_bj)⁺,
    /// since the part of box b that y dominates is the box from its lower corner to min(y, upper).
    /// </summary>
    public double Improvement(IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(y);
        var total = 0.0;
        for (var b = 0; b < Count; b++)
        {
            var volume = 1.0;
            for (var j = 0; j < Objectives && volume > 0; j++)
            {
                var low = Coordinates[j][Lower[b][j]];
                var high = Upper[b][j] == Coordinates[j].Length ? double.PositiveInfinity : Coordinates[j][Upper[b][j]];
                volume *= Math.Max(0, Math.Min(y[j], high) - low);
            }

            total += volume;
        }

        return total;
    }
}
