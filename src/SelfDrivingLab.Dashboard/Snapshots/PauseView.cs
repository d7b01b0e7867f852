namespace SelfDrivingLab.Dashboard.Snapshots;

/// <summary>Why a campaign is paused. Immutable.</summary>
/// <param name="At">Since when.</param>
/// <param name="By">Who paused it.</param>
/// <param name="Reason">The reason given, when any.</param>
public sealed record PauseView(DateTimeOffset At, string By, string? Reason);
