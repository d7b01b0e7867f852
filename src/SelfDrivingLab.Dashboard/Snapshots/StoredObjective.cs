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
    public static Objective? Of(CampaignRecord campaign) =>
        CampaignIdentity.TryParse(campaign.Identity, out var identity) && identity?.Objectives is [var first, ..] ? first : null;

    /// <summary>How the page shows <paramref name="objective"/> (maximize, unknown, when it is null).</summary>
    public static ObjectiveView Describe(Objective? objective) =>
        objective is null
            ? new ObjectiveView(null, "maximize", null, Known: false)
            : new ObjectiveView(objective.Output, objective.Goal.ToString().ToLowerInvariant(), objective.Target, Known: true);
}
