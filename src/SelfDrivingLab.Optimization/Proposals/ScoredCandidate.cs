using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>The winner of a candidate search.</summary>
/// <param name="Parameters">Decoded parameters.</param>
/// <param name="Encoded">Their encoding (for conditioning the model).</param>
/// <param name="AcquisitionValue">Acquisition value (not the ranking transform).</param>
/// <param name="PredictedMean">Predicted measured output.</param>
/// <param name="PredictedStandardDeviation">Its predicted standard deviation.</param>
internal sealed record ScoredCandidate(ParameterSet Parameters, double[] Encoded, double AcquisitionValue, double PredictedMean, double PredictedStandardDeviation);
