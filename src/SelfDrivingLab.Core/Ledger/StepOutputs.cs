using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Core.Ledger;

/// <summary>Every result one workflow step reported. Immutable.</summary>
/// <param name="Step">The step's name.</param>
/// <param name="Outputs">Its results, as the instrument reported them.</param>
public sealed record StepOutputs(string Step, ParameterSet Outputs);
