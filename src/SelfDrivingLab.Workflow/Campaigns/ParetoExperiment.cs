using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Workflow.Campaigns;

/// <summary>A completed experiment of a multi-objective campaign on a Pareto front. Immutable.</summary>
/// <param name="Id">The experiment.</param>
/// <param name="Sequence">Its order in the campaign.</param>
/// <param name="Parameters">Its parameters.</param>
/// <param name="Measured">What it measured, one value per objective in the campaign's order.</param>
public sealed record ParetoExperiment(ExperimentId Id, int Sequence, ParameterSet Parameters, IReadOnlyList<ObjectiveValue> Measured)
{
    /// <summary>The final model's posterior mean of each objective there (on the recommended front only; default null).</summary>
    public IReadOnlyList<ObjectiveValue>? Predicted { get; init; }

    /// <summary>The (calibrated) standard deviation of each of those means, in the objectives' order (default null).</summary>
    public IReadOnlyList<double>? PredictedStandardDeviations { get; init; }
}
