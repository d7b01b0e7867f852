using SelfDrivingLab.Optimization.Objectives;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>
/// Reads an observation's objective vector for a multi-objective proposer: objective j's value is the output of that
/// name in <see cref="Observation.Outputs"/>; the first objective falls back on <see cref="Observation.Value"/> when the
/// outputs do not name it.
/// </summary>
internal static class ObjectiveValues
{
    /// <exception cref="ArgumentException">An objective's output is missing, not a number, or not finite.</exception>
    public static double[] Read(Observation observation, IReadOnlyList<Objective> objectives)
    {
        ArgumentNullException.ThrowIfNull(observation);
        var values = new double[objectives.Count];
        for (var j = 0; j < objectives.Count; j++)
        {
            var output = objectives[j].Output;
            if (observation.Outputs is { } outputs && outputs.TryGetValue(output, out var value))
            {
                values[j] = value.IsNumber && double.IsFinite(value.Number)
                    ? value.Number
                    : throw new ArgumentException($"Observation ({observation.Parameters}): objective output '{output}' is '{value}', not a finite number.", nameof(observation));
            }
            else if (j == 0)
            {
                values[j] = double.IsFinite(observation.Value)
                    ? observation.Value
                    : throw new ArgumentException($"Observation ({observation.Parameters}): objective output '{output}' is not a finite number.", nameof(observation));
            }
            else
            {
                throw new ArgumentException(
                    $"Observation ({observation.Parameters}) has no value for objective '{output}': give every objective's output in Observation.Outputs.",
                    nameof(observation));
            }
        }

        return values;
    }

    /// <summary>The score vector (larger is better) of measured <paramref name="values"/>.</summary>
    public static double[] Scores(IReadOnlyList<double> values, IReadOnlyList<Objective> objectives) =>
        [.. objectives.Select((o, j) => o.Score(values[j]))];

    /// <summary>Whether <paramref name="values"/> meet every objective's thresholds.</summary>
    public static bool Count(IReadOnlyList<double> values, IReadOnlyList<Objective> objectives) =>
        objectives.Select((o, j) => o.Counts(values[j])).All(c => c);
}
