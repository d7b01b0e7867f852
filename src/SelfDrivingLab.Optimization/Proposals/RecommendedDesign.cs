using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>The design a fitted surrogate recommends among the observed ones.</summary>
/// <param name="ObservationIndex">Index of the recommended design in the observations given.</param>
/// <param name="Parameters">Its parameters.</param>
/// <param name="PredictedMean">Posterior mean of the measured output there, in its units.</param>
/// <param name="PredictedStandardDeviation">
/// Posterior standard deviation of that mean (the uncertainty about the design's true value, not of one more
/// measurement of it), calibrated as <see cref="IProposer.Predict"/>'s.
/// </param>
/// <param name="NoiseStandardDeviation">The fitted measurement noise's standard deviation, in the output's units (null when the surrogate has none).</param>
/// <param name="Surrogate">Name of the surrogate that was fitted.</param>
public sealed record RecommendedDesign(
    int ObservationIndex,
    ParameterSet Parameters,
    double PredictedMean,
    double PredictedStandardDeviation,
    double? NoiseStandardDeviation,
    string Surrogate);
