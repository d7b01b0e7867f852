using SelfDrivingLab.Optimization.Objectives;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>Checks the objectives and settings of a multi-objective proposer, naming the first problem.</summary>
internal static class MultiObjectiveSettings
{
    /// <exception cref="ArgumentException">Fewer than two objectives, a repeated output, an invalid objective, threshold or setting.</exception>
    public static void Validate(IReadOnlyList<Objective> objectives, ProposerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(objectives);
        if (objectives.Count < 2)
        {
            throw new ArgumentException($"A multi-objective proposer needs at least two objectives (got {objectives.Count}).", nameof(objectives));
        }

        var outputs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var objective in objectives)
        {
            ProposerSettingsValidation.Validate(settings, objective);
            if (!outputs.Add(objective.Output))
            {
                throw new ArgumentException($"Objective output '{objective.Output}' is listed twice.", nameof(objectives));
            }

            if ((objective.AtLeast is { } low && !double.IsFinite(low)) || (objective.AtMost is { } high && !double.IsFinite(high)))
            {
                throw new ArgumentException($"Objective '{objective.Output}': thresholds must be finite numbers.", nameof(objectives));
            }

            if (objective.AtLeast > objective.AtMost)
            {
                throw new ArgumentException($"Objective '{objective.Output}': at_least ({objective.AtLeast}) is above at_most ({objective.AtMost}), so no result could count.", nameof(objectives));
            }
        }
    }
}
