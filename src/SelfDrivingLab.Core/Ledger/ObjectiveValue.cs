namespace SelfDrivingLab.Core.Ledger;

/// <summary>One objective's measured value: an entry of an experiment's objective vector. Immutable.</summary>
/// <param name="Output">The measured output the objective reads (e.g. <c>toughness</c>).</param>
/// <param name="Value">Its measured value, in the output's own units (not a score), finite.</param>
public sealed record ObjectiveValue(string Output, double Value);
