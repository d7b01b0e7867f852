using SelfDrivingLab.Materials.Formulas;

namespace SelfDrivingLab.PropertyModels.Screening;

/// <summary>A candidate that passed every criterion: its predictions (one per model, in model order) and the chance that all criteria hold. Immutable.</summary>
/// <param name="Composition">The candidate.</param>
/// <param name="Predictions">One prediction per model.</param>
/// <param name="Score">Product of the criteria's probabilities (the models' errors taken as independent); 1 without criteria.</param>
public sealed record ScreenedCandidate(Composition Composition, IReadOnlyList<PropertyPrediction> Predictions, double Score);
