namespace SelfDrivingLab.Core.Security;

/// <summary>
/// One authenticated identity on the broker: its user name and role. An instrument's identity name is its instrument
/// id, so the broker can tie it to its own topics. Immutable.
/// </summary>
/// <param name="Name">The broker user name (an id: letters, digits, '-', '_' or '.').</param>
/// <param name="Role">What it may do.</param>
public sealed record BrokerIdentity(string Name, BrokerRole Role)
{
    /// <summary>
    /// For an instrument, the capabilities it is admitted for: announcing any other keeps it from being commanded until an
    /// operator admits it. Empty (default) for other roles, and for a simulator (admitted for its own capability).
    /// </summary>
    public IReadOnlyList<string> Capabilities { get; init; } = [];

    /// <inheritdoc />
    public bool Equals(BrokerIdentity? other) =>
        other is not null && Name == other.Name && Role == other.Role && Capabilities.SequenceEqual(other.Capabilities, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Role, Capabilities.Count);
}
