using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>An observed design on a model-based Pareto front (<see cref="IMultiObjectiveProposer.RecommendFront"/>).</summary>
/// <param name="ObservationIndex">Its index in the observations given.</param>
/// <param name="Parameters">Its parameters.</param>
/// <param name="Measured">What was measured there, per objective (in the objectives' units).</param>
/// <param name="PredictedMeans">The posterior mean of each objective's output there.</param>
/// <param name="PredictedStandardDeviations">The (calibrated) posterior standard deviation of each of those means.</param>
public sealed record ParetoDesign(
    int ObservationIndex,
    ParameterSet Parameters,
    IReadOnlyList<double> Measured,
    IReadOnlyList<double> PredictedMeans,
    IReadOnlyList<double> PredictedStandardDeviations);
