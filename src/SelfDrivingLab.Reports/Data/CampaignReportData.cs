using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Optimization.Objectives;

namespace SelfDrivingLab.Reports.Data;

/// <summary>What a report of one campaign is drawn from, read from a ledger. Immutable.</summary>
/// <param name="Campaign">The stored campaign.</param>
/// <param name="Experiments">Its experiments, in sequence order.</param>
/// <param name="Commands">Every command sent for them, with the time its final event arrived (null while none did).</param>
/// <param name="Prior">Its prior data (earlier measurements that trained its model).</param>
/// <param name="Objectives">Its objectives, in order (from its definition, or the stored identity when the definition cannot be read).</param>
/// <param name="Definition">Its definition, when it could be read; the model plots need it.</param>
/// <param name="DefinitionProblem">Why the definition could not be read, when it could not.</param>
public sealed record CampaignReportData(
    CampaignRecord Campaign,
    IReadOnlyList<ExperimentRecord> Experiments,
    IReadOnlyList<CommandSpan> Commands,
    IReadOnlyList<PriorDataRecord> Prior,
    IReadOnlyList<Objective> Objectives,
    CampaignDefinition? Definition,
    string? DefinitionProblem)
{
    /// <summary>The completed experiments that measured every objective, in sequence order.</summary>
    public IReadOnlyList<ExperimentRecord> Measured =>
        [.. Experiments.Where(e => e.Status == ExperimentStatus.Completed && Objectives.All(o => ValueOf(e, o.Output) is not null))];

    /// <summary>The measured value of <paramref name="output"/> in <paramref name="experiment"/>'s objective vector (or its measurements).</summary>
    public static double? ValueOf(ExperimentRecord experiment, string output)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        if (experiment.Objectives?.FirstOrDefault(o => o.Output == output) is { } objective)
        {
            return objective.Value;
        }

        return experiment.Measurements is { } measured && measured.TryGetValue(output, out var value) && value.IsNumber ? value.Number : null;
    }
}
