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
/// <param name="Measurements">Every measured output by name (a later step's value winning), once measured.</param>
/// <param name="Objective">The (first) objective's value, once completed: <see cref="Objectives"/>[0].</param>
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
    string? FailureReason = null)
{
    /// <summary>
    /// Every output of every step that reported one, in workflow order (null before any was stored, and for experiments
    /// stored before ledger schema 3, which kept only <see cref="Measurements"/>).
    /// </summary>
    public IReadOnlyList<StepOutputs>? Outputs { get; init; }

    /// <summary>The objective vector, in the campaign's objective order, once completed (null before).</summary>
    public IReadOnlyList<ObjectiveValue>? Objectives { get; init; }
}
