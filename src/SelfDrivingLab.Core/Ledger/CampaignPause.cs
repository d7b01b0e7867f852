namespace SelfDrivingLab.Core.Ledger;

/// <summary>A campaign's pause as stored, so a restarted host resumes the campaign paused. Immutable.</summary>
/// <param name="At">When it was paused.</param>
/// <param name="By">Who paused it: an operator's name, or <c>policy</c> for a workflow's <c>on_failure: pause_campaign</c>.</param>
/// <param name="Reason">Why, when given.</param>
public sealed record CampaignPause(DateTimeOffset At, string By, string? Reason);
