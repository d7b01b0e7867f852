namespace SelfDrivingLab.Benchmarks.Data;

/// <summary>
/// A property model's prediction for every row of a benchmark table (in table order), and how a campaign uses it.
/// Immutable.
/// </summary>
/// <param name="Name">What the model predicts (its column name, e.g. <c>gap expt</c>).</param>
/// <param name="Values">The prediction of each table row.</param>
/// <param name="Uncertainties">The standard deviation of each prediction.</param>
/// <param name="Use">As the surrogate's prior mean, or as two more inputs.</param>
public sealed record ModelPrior(string Name, IReadOnlyList<double> Values, IReadOnlyList<double> Uncertainties, ModelPriorUse Use);
