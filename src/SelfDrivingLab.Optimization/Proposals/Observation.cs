using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>A completed experiment: its parameters and the raw measured objective output.</summary>
/// <param name="Parameters">The parameters, valid for the search space.</param>
/// <param name="Value">The measured output in its own units (not a score), finite.</param>
public sealed record Observation(ParameterSet Parameters, double Value);
