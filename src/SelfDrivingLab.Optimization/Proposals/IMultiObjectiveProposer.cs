using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Objectives;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>
/// An <see cref="IProposer"/> for two or more objectives (<see cref="ProposerFactory"/> makes one for
/// <see cref="AcquisitionKind.ExpectedHypervolumeImprovement"/> or <see cref="AcquisitionKind.Parego"/>). It reads each
/// observation's objective vector from <see cref="Observation.Outputs"/> (an output per objective, by name; the first
/// may instead be <see cref="Observation.Value"/>). <see cref="IProposer.Predict"/> predicts the first objective, and
/// <see cref="IProposer.Recommend"/> returns null: with several objectives the recommendation is a front
/// (<see cref="RecommendFront"/>), not one design. Implementations are thread-safe.
/// </summary>
public interface IMultiObjectiveProposer : IProposer
{
    /// <summary>The objectives, in the order of every vector this proposer reads or returns.</summary>
    IReadOnlyList<Objective> Objectives { get; }

    /// <summary>
    /// Fits one surrogate per objective (a Gaussian process for the random strategy) and predicts each of
    /// <paramref name="at"/>: result[j][i] is objective j's prediction at point i, calibrated as <see cref="IProposer.Predict"/>.
    /// </summary>
    /// <exception cref="ArgumentException">No observations, an objective value missing, or a point outside the space or pool.</exception>
    IReadOnlyList<IReadOnlyList<Prediction>> PredictObjectives(IReadOnlyList<Observation> observations, IReadOnlyList<ParameterSet> at, CancellationToken cancellationToken = default);

    /// <summary>
    /// The model-based Pareto set of the observed designs: one surrogate per objective is fitted, and the designs whose
    /// posterior means meet every threshold and are not dominated by another's posterior means are returned, in
    /// observation order (robust to a lucky measurement, as <see cref="IProposer.Recommend"/> is). Empty with fewer than
    /// two observations.
    /// </summary>
    /// <exception cref="ArgumentException">An objective value missing, or a design outside the space or pool.</exception>
    IReadOnlyList<ParetoDesign> RecommendFront(IReadOnlyList<Observation> observations, CancellationToken cancellationToken = default);
}
