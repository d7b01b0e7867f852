using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>An experiment that ran but gave no usable result (never silently dropped: it teaches where experiments fail).</summary>
/// <param name="Parameters">The parameters, valid for the search space.</param>
/// <param name="Reason">Why it failed, if known (recorded, not used by the model).</param>
public sealed record FailedObservation(ParameterSet Parameters, string? Reason = null);
