namespace SelfDrivingLab.Dashboard.Snapshots;

/// <summary>One experiment as the pages show it. Immutable.</summary>
/// <param name="Id">The experiment id.</param>
/// <param name="CampaignId">Its campaign.</param>
/// <param name="Sequence">Its 1-based order in the campaign.</param>
/// <param name="Status">Its status, lower case.</param>
/// <param name="State">Its workflow state.</param>
/// <param name="Parameters">Its parameters by name: numbers or text.</param>
/// <param name="Objective">Its (first) objective value, once measured.</param>
/// <param name="BestSoFar">The best objective value of the campaign up to and including this experiment, once one was measured.</param>
/// <param name="FailureReason">Why it failed or was aborted.</param>
/// <param name="ProposedAt">When it was proposed.</param>
/// <param name="UpdatedAt">When its state last changed.</param>
public sealed record ExperimentView(
    string Id,
    string CampaignId,
    int Sequence,
    string Status,
    string State,
    IReadOnlyDictionary<string, object> Parameters,
    double? Objective,
    double? BestSoFar,
    string? FailureReason,
    DateTimeOffset ProposedAt,
    DateTimeOffset UpdatedAt);
