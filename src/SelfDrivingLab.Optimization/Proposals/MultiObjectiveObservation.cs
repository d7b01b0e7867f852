using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>A completed experiment with one measured value per objective.</summary>
/// <param name="Parameters">The parameters, valid for the search space.</param>
/// <param name="Values">Measured outputs in the order of the proposer's objectives, finite.</param>
public sealed record MultiObjectiveObservation(ParameterSet Parameters, IReadOnlyList<double> Values);
