namespace SelfDrivingLab.Core.Time;

/// <summary>Ends a unit of work when disposed.</summary>
public readonly struct WorkScope : IDisposable, IEquatable<WorkScope>
{
    private readonly IWorkTracker? _tracker;

    internal WorkScope(IWorkTracker tracker) => _tracker = tracker;

    /// <inheritdoc />
    public void Dispose() => _tracker?.End();

    /// <inheritdoc />
    public bool Equals(WorkScope other) => ReferenceEquals(_tracker, other._tracker);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is WorkScope other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _tracker?.GetHashCode() ?? 0;

    /// <summary>Equality.</summary>
    public static bool operator ==(WorkScope left, WorkScope right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(WorkScope left, WorkScope right) => !left.Equals(right);

    /// <summary>Creates a scope that ends work on <paramref name="tracker"/>.</summary>
    public static WorkScope For(IWorkTracker tracker) => new(tracker);
}
