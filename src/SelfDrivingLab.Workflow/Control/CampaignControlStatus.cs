using SelfDrivingLab.Core.Ids;

namespace SelfDrivingLab.Workflow.Control;

/// <summary>What an operator sees of one running campaign. Immutable.</summary>
/// <param name="Campaign">Its id.</param>
/// <param name="Name">Its name.</param>
/// <param name="State">running, paused or aborting.</param>
/// <param name="Priority">Its priority on shared instruments.</param>
/// <param name="ChangedBy">Who last paused, resumed or aborted it (null if nobody).</param>
/// <param name="Reason">Why, when given.</param>
/// <param name="PendingApprovals">Proposals waiting for an operator.</param>
public sealed record CampaignControlStatus(CampaignId Campaign, string Name, string State, int Priority, string? ChangedBy, string? Reason, int PendingApprovals);
