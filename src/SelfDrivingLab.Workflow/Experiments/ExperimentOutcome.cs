using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Workflow.Experiments;

/// <summary>How an experiment ended. Immutable.</summary>
/// <param name="Id">The experiment.</param>
/// <param name="Sequence">Its order in the campaign.</param>
/// <param name="Status">Completed, Failed or Aborted.</param>
/// <param name="Parameters">Its parameters.</param>
/// <param name="Measurements">Every result the steps reported, by name (a later step's value winning).</param>
/// <param name="Objective">The (first) objective output's value (completed only).</param>
/// <param name="FailureReason">Why it failed or was aborted.</param>
/// <param name="FinishedAt">When it ended, on the campaign clock.</param>
public sealed record ExperimentOutcome(
    ExperimentId Id,
    int Sequence,
    ExperimentStatus Status,
    ParameterSet Parameters,
    ParameterSet? Measurements,
    double? Objective,
    string? FailureReason,
    DateTimeOffset FinishedAt)
{
    /// <summary>Each step's outputs, in workflow order (default null: none known).</summary>
    public IReadOnlyList<StepOutputs>? Outputs { get; init; }

    /// <summary>The objective vector, one value per objective in the campaign's order (completed only; default null).</summary>
    public IReadOnlyList<ObjectiveValue>? Objectives { get; init; }

    /// <summary>True when a step's <c>on_failure: pause_campaign</c> asks the campaign to pause (default false).</summary>
    public bool PauseCampaign { get; init; }

    /// <summary>Why the campaign should pause, when <see cref="PauseCampaign"/> is true.</summary>
    public string? PauseReason { get; init; }
}
