namespace SelfDrivingLab.Dashboard.Live;

/// <summary>A dashboard view as sent to pages: its version (1 for the first) and its JSON. Immutable.</summary>
/// <param name="Version">Increases by one with each change.</param>
/// <param name="Json">The <see cref="Snapshots.DashboardView"/> as JSON.</param>
public sealed record PublishedView(long Version, string Json);
