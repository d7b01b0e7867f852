using System.Globalization;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Optimization.Objectives;

namespace SelfDrivingLab.Dashboard.Snapshots;

/// <summary>
/// A stored campaign's first objective, read from the canonical identity the ledger keeps beside its definition (the
/// definition file itself may name tables that are not here). Stateless and thread-safe.
/// </summary>
internal static class StoredObjective
{
    /// <summary>The objective of <paramref name="campaign"/>, or null when its identity is not stored (ledgers before schema 3).</summary>
    public static Objective? Of(CampaignRecord campaign)
    {
        if (!CampaignIdentity.TryParse(campaign.Identity, out var identity) || identity is null)
        {
            return null;
        }

        var facts = identity.Facts.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var path = facts.ContainsKey("objective.output") ? "objective" : "objectives[0]";
        if (!facts.TryGetValue($"{path}.output", out var output) || !facts.TryGetValue($"{path}.goal", out var goalWord))
        {
            return null;
        }

        var goal = goalWord switch
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

    /// <summary>How the page shows <paramref name="objective"/> (maximize, unknown, when it is null).</summary>
    public static ObjectiveView Describe(Objective? objective) =>
        objective is null
            ? new ObjectiveView(null, "maximize", null, Known: false)
            : new ObjectiveView(objective.Output, objective.Goal.ToString().ToLowerInvariant(), objective.Target, Known: true);
}
