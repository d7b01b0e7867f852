using SelfDrivingLab.Dashboard.Snapshots;

namespace SelfDrivingLab.Dashboard.Timeline;

/// <summary>One experiment and everything the ledger stores about it, in time order. Immutable.</summary>
/// <param name="Experiment">The experiment.</param>
/// <param name="Entries">Its transitions, commands and events, oldest first.</param>
public sealed record ExperimentTimeline(ExperimentView Experiment, IReadOnlyList<TimelineEntry> Entries);
