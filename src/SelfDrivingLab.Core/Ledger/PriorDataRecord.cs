using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Core.Ledger;

/// <summary>
/// One row of a campaign's prior data as stored: an earlier measurement that trained the model from the start, not an
/// experiment of the campaign. Immutable.
/// </summary>
/// <param name="Row">0-based position among the campaign's prior rows.</param>
/// <param name="Line">Its line in the table it was read from, when known.</param>
/// <param name="Parameters">The parameters it was measured at.</param>
/// <param name="Outputs">What it measured, by name.</param>
/// <param name="Objectives">The objective vector, in the campaign's objective order.</param>
public sealed record PriorDataRecord(int Row, int? Line, ParameterSet Parameters, ParameterSet Outputs, IReadOnlyList<ObjectiveValue> Objectives);
