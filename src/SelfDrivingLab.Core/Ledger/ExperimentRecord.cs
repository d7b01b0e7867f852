using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Core.Ledger;

/// <summary>One experiment as stored.</summary>
/// <param name="Id">The experiment id.</param>
/// <param name="CampaignId">The campaign it belongs to.</param>
/// <param name="Sequence">1-based order of proposal within the campaign.</param>
/// <param name="Parameters">The proposed parameters.</param>
/// <param name="Status">Coarse status.</param>
/// <param name="State">The workflow state name (e.g. <c>Proposed</c>, <c>synthesis</c>, <c>Completed</c>).</param>
/// <param name="Proposal">JSON describing the model state that made the proposal (surrogate, hyperparameters, acquisition value, predicted mean and sd).</param>
/// <param name="ProposedAt">When it was proposed.</param>
/// <param name="UpdatedAt">When its state last changed.</param>
/// <param name="Measurements">All measured outputs, once completed.</param>
/// <param name="Objective">The objective value, once completed.</param>
/// <param name="FailureReason">Why it failed or was aborted.</param>
public sealed record ExperimentRecord(
    ExperimentId Id,
    CampaignId CampaignId,
    int Sequence,
    ParameterSet Parameters,
    ExperimentStatus Status,
    string State,
    string Proposal,
    DateTimeOffset ProposedAt,
    DateTimeOffset UpdatedAt,
    ParameterSet? Measurements = null,
    double? Objective = null,
    string? FailureReason = null);
