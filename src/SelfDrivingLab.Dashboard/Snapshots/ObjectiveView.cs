namespace SelfDrivingLab.Dashboard.Snapshots;

/// <summary>A campaign's (first) objective. Immutable.</summary>
/// <param name="Output">The measured output it reads, when the ledger says.</param>
/// <param name="Goal"><c>maximize</c>, <c>minimize</c> or <c>target</c>.</param>
/// <param name="Target">The target value of a <c>target</c> goal.</param>
/// <param name="Known">False when the ledger does not store the campaign's identity (before schema 3): then the goal is assumed to be <c>maximize</c>.</param>
public sealed record ObjectiveView(string? Output, string Goal, double? Target, bool Known);
