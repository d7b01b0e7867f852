using SelfDrivingLab.PropertyModels;

namespace SelfDrivingLab.Campaigns.Discovery;

/// <summary>
/// A property model a discovery trains from a table (or loads, when its file exists and matches). Immutable.
/// </summary>
/// <param name="Name">The property's name: its column in the screened pool, in <c>where</c> conditions and in the objective.</param>
/// <param name="Table">Full path of the training table (CSV).</param>
/// <param name="FormulaColumn">The table's formula column.</param>
/// <param name="Target">The table's column to learn.</param>
/// <param name="Rows">A seeded subsample of this many rows to train on (null: every row), to keep training short.</param>
/// <param name="Kind">The learning method (default boosted trees).</param>
/// <param name="File">Full path of the model file: loaded when it exists with the same name, target, kind and row count, else written.</param>
public sealed record DiscoveryModel(string Name, string Table, string FormulaColumn, string Target, int? Rows, ModelKind Kind, string File);
