namespace SelfDrivingLab.Dashboard.Operators;

/// <summary>A sign-in from the page: a facility identity and its password. Immutable.</summary>
internal sealed record SignInRequest(string? Identity, string? Secret);
