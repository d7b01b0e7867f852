using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Workflow.Campaigns;

/// <summary>
/// The tested experiment the final surrogate believes is best: for noisy measurements this beats
/// "the largest single measurement", which favours lucky replicates.
/// </summary>
/// <param name="Id">The experiment.</param>
/// <param name="Sequence">Its order in the campaign.</param>
/// <param name="Parameters">Its parameters.</param>
/// <param name="PredictedValue">The model's mean of the objective output there.</param>
/// <param name="PredictedStandardDeviation">The model's standard deviation there.</param>
/// <param name="MeasuredValue">What was measured there.</param>
/// <param name="Model">The surrogate that made the estimate.</param>
public sealed record Recommendation(
    ExperimentId Id,
    int Sequence,
    ParameterSet Parameters,
    double PredictedValue,
    double PredictedStandardDeviation,
    double MeasuredValue,
    string Model);
