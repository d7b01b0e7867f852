namespace SelfDrivingLab.Workflow.Experiments;

/// <summary>A decision on a proposed experiment. Immutable.</summary>
/// <param name="Approved">True to run it, false to reject it (it ends Aborted).</param>
/// <param name="DecidedBy">Who decided: an operator's name or a policy's.</param>
/// <param name="Reason">Why, for the ledger (optional).</param>
public sealed record ApprovalDecision(bool Approved, string DecidedBy, string? Reason);
