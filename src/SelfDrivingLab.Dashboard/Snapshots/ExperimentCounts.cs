namespace SelfDrivingLab.Dashboard.Snapshots;

/// <summary>A campaign's experiments by status. Immutable.</summary>
/// <param name="Total">All of them.</param>
/// <param name="Proposed">Proposed, no step started.</param>
/// <param name="Running">A step running.</param>
/// <param name="Completed">Measured.</param>
/// <param name="Failed">Failed.</param>
/// <param name="Aborted">Aborted.</param>
/// <param name="AwaitingApproval">Held for an operator's approval (<c>sdl control approve</c> or <c>reject</c>); counted among <paramref name="Running"/> too.</param>
public sealed record ExperimentCounts(int Total, int Proposed, int Running, int Completed, int Failed, int Aborted, int AwaitingApproval);
