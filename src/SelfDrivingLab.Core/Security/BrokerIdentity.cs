namespace SelfDrivingLab.Core.Security;

/// <summary>
/// One authenticated identity on the broker: its user name and role. An instrument's identity name is its instrument
/// id, so the broker can tie it to its own topics. Immutable.
/// </summary>
/// <param name="Name">The broker user name (an id: letters, digits, '-', '_' or '.').</param>
/// <param name="Role">What it may do.</param>
public sealed record BrokerIdentity(string Name, BrokerRole Role);
