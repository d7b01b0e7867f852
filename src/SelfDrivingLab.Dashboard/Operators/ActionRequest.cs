namespace SelfDrivingLab.Dashboard.Operators;

/// <summary>An action from the page: what, on which campaign or experiment, and why. Immutable.</summary>
internal sealed record ActionRequest(string? Action, string? Target, string? Reason);
