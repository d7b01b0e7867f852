using SelfDrivingLab.Materials.Formulas;

namespace SelfDrivingLab.PropertyModels.Data;

/// <summary>
/// Rows to learn from: compositions, optional extra numeric inputs, and the target (a number, or 1/0 for yes/no). Built by
/// <see cref="TrainingTable"/>. Immutable.
/// </summary>
/// <param name="Name">The property's name (for screening criteria).</param>
/// <param name="Target">The target column.</param>
/// <param name="Task">Regression or classification.</param>
/// <param name="PositiveRule">For classification, how a value became yes; empty for regression.</param>
/// <param name="Formulas">The formula text of each row, as written in the table.</param>
/// <param name="Compositions">The parsed composition of each row.</param>
/// <param name="ExtraInputNames">Extra numeric input columns.</param>
/// <param name="ExtraInputs">Per row, the values of <paramref name="ExtraInputNames"/>.</param>
/// <param name="Values">The target of each row (1/0 for classification).</param>
public sealed record TrainingSet(
    string Name,
    string Target,
    PropertyTask Task,
    string PositiveRule,
    IReadOnlyList<string> Formulas,
    IReadOnlyList<Composition> Compositions,
    IReadOnlyList<string> ExtraInputNames,
    IReadOnlyList<double[]> ExtraInputs,
    IReadOnlyList<double> Values)
{
    /// <summary>The number of rows.</summary>
    public int Count => Values.Count;

    /// <summary>The rows at <paramref name="indices"/>, in that order.</summary>
    public TrainingSet Subset(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        return this with
        {
            Formulas = [.. indices.Select(i => Formulas[i])],
            Compositions = [.. indices.Select(i => Compositions[i])],
            ExtraInputs = [.. indices.Select(i => ExtraInputs[i])],
            Values = [.. indices.Select(i => Values[i])],
        };
    }
}
