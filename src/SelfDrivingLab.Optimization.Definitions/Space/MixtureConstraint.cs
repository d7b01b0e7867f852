namespace SelfDrivingLab.Optimization.Space;

/// <summary>Continuous parameters that are fractions of a whole: each in [0, Total], summing to <paramref name="Total"/>.</summary>
/// <param name="Components">Names of two or more continuous parameters of the space.</param>
/// <param name="Total">What they sum to (default 1).</param>
public sealed record MixtureConstraint(IReadOnlyList<string> Components, double Total = 1.0);
