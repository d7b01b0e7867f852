namespace SelfDrivingLab.Workflow.Experiments;

/// <summary>A decision on a proposal at the approval gate. Immutable.</summary>
/// <param name="Approved">True to run it, false to reject it.</param>
/// <param name="DecidedBy">The operator, or <c>policy</c> for an automatic approval.</param>
/// <param name="Reason">Why, when given.</param>
public sealed record ApprovalDecision(bool Approved, string DecidedBy, string? Reason);
