using System.Globalization;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Proposals;

namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>
/// The objectives: each names an output and a goal (a target value with goal target), thresholds are finite, ordered and
/// only used with two or more objectives, outputs are distinct, and the acquisition fits their number (expected
/// hypervolume improvement or ParEGO for several, a single-objective one for one).
/// </summary>
internal static class ObjectiveRules
{
    /// <summary>Most objectives ParEGO's scalarization takes.</summary>
    public const int MaxParegoObjectives = 3;

    /// <summary>Most objectives expected hypervolume improvement takes (its exact box decomposition grows as n^(m-1)).</summary>
    public const int MaxHypervolumeObjectives = 4;

    public static void Check(CampaignDefinition campaign, ProblemList problems)
    {
        var objectives = campaign.Objectives;
        if (objectives.Count == 0)
        {
            problems.Add("objectives", "needs at least one objective");
            return;
        }

        if (!Equals(objectives[0], campaign.Objective))
        {
            problems.Add("objectives[0]", "the first objective must be the campaign's Objective");
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < objectives.Count; index++)
        {
            var path = campaign.HasObjectiveList ? $"objectives[{index}]" : "objective";
            var objective = objectives[index];
            CheckOne(objective, path, problems);
            if (objective.HasThreshold && objectives.Count == 1)
            {
                problems.Add(ProblemList.Join(path, objective.AtLeast is not null ? "at_least" : "at_most"), "thresholds apply only with two or more objectives (a result must meet them to count on the Pareto front)");
            }

            if (!string.IsNullOrEmpty(objective.Output) && !seen.TryAdd(objective.Output, index))
            {
                problems.Add($"{path}.output", $"output '{objective.Output}' is already an objective (objectives[{seen[objective.Output]}]); each output is one objective");
            }
        }

        CheckAcquisition(campaign, problems);
    }

    private static void CheckOne(Objective objective, string path, ProblemList problems)
    {
        if (string.IsNullOrEmpty(objective.Output))
        {
            problems.Add($"{path}.output", "'output' is required");
        }

        if (!Enum.IsDefined(objective.Goal))
        {
            problems.Add($"{path}.goal", $"'{objective.Goal}' is not a goal; use maximize, minimize, target");
        }
        else if (objective.Goal == ObjectiveGoal.Target && !double.IsFinite(objective.Target ?? double.NaN))
        {
            problems.Add($"{path}.target", "goal 'target' needs a target value, e.g. target: 1.34");
        }
        else if (objective.Goal != ObjectiveGoal.Target && objective.Target is not null)
        {
            problems.Add($"{path}.target", "'target' applies only to goal: target");
        }

        foreach (var (key, value) in new[] { ("at_least", objective.AtLeast), ("at_most", objective.AtMost) })
        {
            if (value is { } threshold && !double.IsFinite(threshold))
            {
                problems.Add($"{path}.{key}", $"must be a finite number (got {ProblemList.Format(threshold)})");
            }
        }

        if (objective.AtLeast is { } low && objective.AtMost is { } high && low > high)
        {
            problems.Add($"{path}.at_most", $"must be at least at_least ({ProblemList.Format(low)}), or no result could count (got {ProblemList.Format(high)})");
        }
    }

    private static void CheckAcquisition(CampaignDefinition campaign, ProblemList problems)
    {
        var kind = campaign.Proposer.Acquisition;
        var count = campaign.Objectives.Count;
        var multi = AcquisitionKinds.IsMultiObjective(kind);
        if (count == 1 && multi)
        {
            problems.Add("acquisition.kind", $"'{Word(kind)}' needs two or more objectives; with one objective use expected_improvement, upper_confidence_bound, probability_of_improvement or thompson_sampling");
        }
        else if (count > 1 && !multi && Enum.IsDefined(kind))
        {
            problems.Add("acquisition.kind", Invariant($"'{Word(kind)}' optimizes one objective; with {count} objectives use expected_hypervolume_improvement (the default) or parego"));
        }
        else if (kind == AcquisitionKind.Parego && count > MaxParegoObjectives)
        {
            problems.Add("acquisition.kind", Invariant($"parego takes 2 or 3 objectives (got {count}); use expected_hypervolume_improvement"));
        }
        else if (kind == AcquisitionKind.ExpectedHypervolumeImprovement && count > MaxHypervolumeObjectives)
        {
            problems.Add("objectives", Invariant($"expected_hypervolume_improvement takes at most {MaxHypervolumeObjectives} objectives (got {count}): its exact computation grows as the front's size to the power m - 1"));
        }
    }

    private static string Word(AcquisitionKind kind) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
