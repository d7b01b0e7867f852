using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>One earlier measurement: the parameters it was made at and what it measured. Immutable.</summary>
/// <param name="Line">Its 1-based line in the table, when read from one (problems name it).</param>
/// <param name="Parameters">A value per search-space (or pool) parameter, as an experiment's.</param>
/// <param name="Outputs">Every other column: measured outputs by name (every objective's output among them).</param>
public sealed record PriorRow(int? Line, ParameterSet Parameters, ParameterSet Outputs);
