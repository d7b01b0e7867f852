namespace SelfDrivingLab.PropertyModels;

/// <summary>
/// One prediction of a property model. For regression, <see cref="Value"/> is the predicted property and
/// <see cref="Uncertainty"/> its standard deviation (the spread of the model's ensemble, see the model kind). For
/// classification, <see cref="Value"/> is the probability of the positive class and <see cref="Uncertainty"/> the spread
/// of that probability over the ensemble.
/// </summary>
/// <param name="Value">Predicted value, or probability of the positive class.</param>
/// <param name="Uncertainty">Standard deviation of the prediction (≥ 0).</param>
public readonly record struct PropertyPrediction(double Value, double Uncertainty);
