using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Optimization.Proposals;

namespace SelfDrivingLab.Reports.Data;

/// <summary>The model's prediction of one measured experiment from the others (and the prior data). Immutable.</summary>
/// <param name="Experiment">The experiment held out.</param>
/// <param name="Measured">What it measured.</param>
/// <param name="Prediction">The prediction of a new measurement of its design.</param>
public sealed record CrossValidatedPrediction(ExperimentRecord Experiment, double Measured, Prediction Prediction);
