namespace SelfDrivingLab.Optimization.Feasibility;

/// <summary>Compares encoded points by their coordinates (bitwise equal values). Thread-safe.</summary>
internal sealed class PointComparer : IEqualityComparer<double[]>
{
    public static readonly PointComparer Instance = new();

    public bool Equals(double[]? x, double[]? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

    public int GetHashCode(double[] obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var hash = default(HashCode);
        foreach (var value in obj)
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }
}
