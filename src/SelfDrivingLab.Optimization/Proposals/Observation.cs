using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>A completed experiment: its parameters, the raw measured objective output and everything else it measured.</summary>
/// <param name="Parameters">The parameters, valid for the search space.</param>
/// <param name="Value">The measured output in its own units (not a score), finite.</param>
public sealed record Observation(ParameterSet Parameters, double Value)
{
    /// <summary>
    /// Every output the experiment measured, by name (default null: only <see cref="Value"/> is known). The campaign
    /// runner passes the whole result set; the single-objective proposers read only <see cref="Value"/>.
    /// </summary>
    public ParameterSet? Outputs { get; init; }
}
