namespace SelfDrivingLab.Simulators;

/// <summary>
/// Finds the nearest of a fixed set of points: Euclidean distance with each coordinate divided by its
/// range over the points (1 when all points share it); the first point in order wins a tie. Immutable.
/// </summary>
internal sealed class NearestNeighbourIndex
{
    private readonly double[][] _points;
    private readonly double[] _ranges;

    public NearestNeighbourIndex(double[][] points)
    {
        _points = points;
        var dimension = points.Length == 0 ? 0 : points[0].Length;
        _ranges = [.. Enumerable.Range(0, dimension).Select(i =>
        {
            var range = points.Max(p => p[i]) - points.Min(p => p[i]);
            return range > 0 ? range : 1.0;
        })];
    }

    /// <summary>Index of the point nearest to <paramref name="x"/>.</summary>
    public int Nearest(double[] x)
    {
        var best = 0;
        var bestDistance = double.PositiveInfinity;
        for (var c = 0; c < _points.Length; c++)
        {
            var distance = 0.0;
            for (var i = 0; i < x.Length; i++)
            {
                var d = (x[i] - _points[c][i]) / _ranges[i];
                distance += d * d;
            }

            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = c;
            }
        }

        return best;
    }
}
