using SelfDrivingLab.Core.Ids;

namespace SelfDrivingLab.Workflow.Campaigns;

/// <summary>An unfinished campaign found in the ledger and resumed. Immutable.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Name">The campaign's name (from its file).</param>
/// <param name="Done">Experiments already finished (completed, failed or aborted); their results feed the model again.</param>
/// <param name="InFlight">Experiments that were running, which continue from their recorded state.</param>
/// <param name="Budget">The campaign's budget.</param>
/// <param name="LabTime">Lab time since the campaign started, up to the resume.</param>
public sealed record CampaignResumption(CampaignId CampaignId, string Name, int Done, int InFlight, int Budget, TimeSpan LabTime);
