using System.Globalization;
using SelfDrivingLab.Optimization.Objectives;

namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>
/// Reads back the objectives <see cref="IdentityFacts"/> writes: <c>objective.*</c> for one objective,
/// <c>objectives[i].*</c> for several (output, goal and, for a target, its value). Stateless and thread-safe.
/// </summary>
internal static class IdentityObjectives
{
    /// <summary>The objectives in order; reading stops at the first one that is incomplete (e.g. a target without its value).</summary>
    public static IReadOnlyList<Objective> Read(IReadOnlyList<KeyValuePair<string, string>> facts)
    {
        var byPath = facts.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var objectives = new List<Objective>();
        var paths = byPath.ContainsKey("objective.output") ? ["objective"] : Enumerable.Range(0, int.MaxValue).Select(i => $"objectives[{i}]");
        foreach (var path in paths)
        {
            if (ReadOne(byPath, path) is not { } objective)
            {
                break;
            }

            objectives.Add(objective);
        }

        return objectives;
    }

    private static Objective? ReadOne(Dictionary<string, string> facts, string path)
    {
        if (!facts.TryGetValue($"{path}.output", out var output) || !facts.TryGetValue($"{path}.goal", out var word))
        {
            return null;
        }

        var goal = word switch
        {
            "minimize" => ObjectiveGoal.Minimize,
            "target" => ObjectiveGoal.Target,
            _ => ObjectiveGoal.Maximize,
        };
        double? target = facts.TryGetValue($"{path}.target", out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
        return goal == ObjectiveGoal.Target && target is null ? null : new Objective(output, goal, target);
    }
}
