using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Workflow.Control;

/// <summary>A proposal waiting for an operator at the approval gate. Immutable.</summary>
/// <param name="Experiment">The proposed experiment.</param>
/// <param name="Campaign">Its campaign.</param>
/// <param name="CampaignName">The campaign's name.</param>
/// <param name="Parameters">What it would run.</param>
/// <param name="Why">Why the policy did not approve it (the bounds it breaks).</param>
/// <param name="Since">When it started waiting.</param>
public sealed record PendingApproval(ExperimentId Experiment, CampaignId Campaign, string CampaignName, ParameterSet Parameters, string Why, DateTimeOffset Since);
