using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Core.Ledger;

/// <summary>
/// What an experiment measured, as the ledger stores it: every output of every step that reported one, and the
/// objective vector — one value per objective of the campaign, in its order (one today; empty when the experiment
/// failed before its objective was measured). Immutable.
/// </summary>
/// <param name="Outputs">Each step's outputs, in workflow order.</param>
/// <param name="Objectives">The objective vector.</param>
public sealed record ExperimentResult(IReadOnlyList<StepOutputs> Outputs, IReadOnlyList<ObjectiveValue> Objectives)
{
    /// <summary>Every output by name, a later step's value winning when two steps report the same name.</summary>
    public ParameterSet Measurements => Merge(Outputs);

    /// <summary>Every output by name from <paramref name="outputs"/> (workflow order), a later step's value winning.</summary>
    public static ParameterSet Merge(IEnumerable<StepOutputs> outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        var merged = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
        foreach (var step in outputs)
        {
            foreach (var (name, value) in step.Outputs)
            {
                merged[name] = value;
            }
        }

        return new ParameterSet(merged);
    }
}
