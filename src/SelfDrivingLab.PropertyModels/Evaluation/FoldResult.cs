namespace SelfDrivingLab.PropertyModels.Evaluation;

/// <summary>The scores of one cross-validation fold (regression: MAE, RMSE, R²; classification: ROC-AUC, accuracy). Immutable.</summary>
/// <param name="Fold">0-based fold number.</param>
/// <param name="TestRows">Rows held out in this fold.</param>
/// <param name="Scores">Metric name (<c>mae</c>, <c>rmse</c>, <c>r2</c> or <c>roc_auc</c>, <c>accuracy</c>) → value.</param>
public sealed record FoldResult(int Fold, int TestRows, IReadOnlyDictionary<string, double> Scores);
