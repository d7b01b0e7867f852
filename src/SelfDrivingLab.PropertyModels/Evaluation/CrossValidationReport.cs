namespace SelfDrivingLab.PropertyModels.Evaluation;

/// <summary>The per-fold and mean scores of a cross-validation, with its predictions. Immutable.</summary>
/// <param name="Task">Regression or classification.</param>
/// <param name="Kind">The model kind evaluated.</param>
/// <param name="Rows">Rows in the table.</param>
/// <param name="Seed">Seed of the fold shuffle and of the models.</param>
/// <param name="Folds">Per-fold scores.</param>
/// <param name="Mean">Per metric, the mean over folds (Matbench reports fold means).</param>
/// <param name="Hurdle">The point-mass value of the hurdle model in the first fold, or null when none was used.</param>
public sealed record CrossValidationReport(
    PropertyTask Task,
    ModelKind Kind,
    int Rows,
    int Seed,
    IReadOnlyList<FoldResult> Folds,
    IReadOnlyDictionary<string, double> Mean,
    double? Hurdle);
