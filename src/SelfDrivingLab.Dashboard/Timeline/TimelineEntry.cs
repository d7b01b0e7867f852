namespace SelfDrivingLab.Dashboard.Timeline;

/// <summary>One line of an experiment's timeline. Immutable.</summary>
/// <param name="At">When it happened.</param>
/// <param name="Kind"><c>state</c> (a transition), <c>command</c> (sent to an instrument) or <c>event</c> (from an instrument).</param>
/// <param name="Summary">What happened, in a few words.</param>
/// <param name="Detail">The detail: a transition's reason, an event's payload as received.</param>
/// <param name="Parameters">A command's parameters (numbers or text), which the page shows to sensible digits.</param>
public sealed record TimelineEntry(DateTimeOffset At, string Kind, string Summary, string? Detail, IReadOnlyDictionary<string, object>? Parameters = null);
