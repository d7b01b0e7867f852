namespace SelfDrivingLab.Dashboard.Operators;

/// <summary>The host's answer to an action. Immutable.</summary>
/// <param name="Ok">True when it was carried out.</param>
/// <param name="Message">What happened, or why not, in one line.</param>
public sealed record DashboardActionResult(bool Ok, string Message);
