namespace SelfDrivingLab.Dashboard.Snapshots;

/// <summary>A command in flight. Immutable.</summary>
/// <param name="Id">The command id.</param>
/// <param name="ExperimentId">The experiment it serves.</param>
/// <param name="Step">The workflow step.</param>
/// <param name="Action">The capability invoked.</param>
/// <param name="SentAt">When it was sent.</param>
/// <param name="Deadline">When the orchestrator gives up on it.</param>
/// <param name="LastEvent">The kind of its last event, or <c>sent</c>.</param>
public sealed record CommandView(string Id, string ExperimentId, string Step, string Action, DateTimeOffset SentAt, DateTimeOffset Deadline, string LastEvent);
