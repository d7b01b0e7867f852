using SelfDrivingLab.Core.Ids;

namespace SelfDrivingLab.Core.Ledger;

/// <summary>One state change of an experiment's workflow.</summary>
/// <param name="ExperimentId">The experiment.</param>
/// <param name="From">State before.</param>
/// <param name="To">State after.</param>
/// <param name="Trigger">What caused it.</param>
/// <param name="At">When.</param>
/// <param name="Detail">Optional detail, e.g. a failure reason.</param>
public sealed record StateTransitionRecord(
    ExperimentId ExperimentId,
    string From,
    string To,
    string Trigger,
    DateTimeOffset At,
    string? Detail = null);
