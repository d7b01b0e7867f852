namespace SelfDrivingLab.PropertyModels.Data;

/// <summary>Which columns of a table to learn from. Immutable.</summary>
/// <param name="Path">The CSV file.</param>
/// <param name="FormulaColumn">The column of chemical formulas.</param>
/// <param name="TargetColumn">The column to predict.</param>
/// <param name="Task">Regression or classification; null picks classification for yes/no/true/false columns or when <paramref name="PositiveWhen"/> is set, else regression.</param>
/// <param name="PositiveWhen">For a numeric target and classification: the rule that makes a value yes, e.g. <c>&lt;= 0</c>.</param>
/// <param name="ExtraInputs">Extra numeric input columns.</param>
/// <param name="Name">The property's name (default: the target column).</param>
public sealed record TableRequest(
    string Path,
    string FormulaColumn,
    string TargetColumn,
    PropertyTask? Task = null,
    string? PositiveWhen = null,
    IReadOnlyList<string>? ExtraInputs = null,
    string? Name = null);
