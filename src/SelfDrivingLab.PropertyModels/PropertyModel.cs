using SelfDrivingLab.Materials.Formulas;
using SelfDrivingLab.PropertyModels.Learning;

namespace SelfDrivingLab.PropertyModels;

/// <summary>A trained property model (made by <see cref="PropertyModelTrainer"/> or read by <see cref="Persistence.ModelFile"/>). Immutable and thread-safe.</summary>
public sealed class PropertyModel : IPropertyModel
{
    internal PropertyModel(PropertyModelInfo info, TabularPredictor predictor)
    {
        Info = info;
        Predictor = predictor;
    }

    /// <inheritdoc />
    public PropertyModelInfo Info { get; }

    internal TabularPredictor Predictor { get; }

    /// <inheritdoc />
    public PropertyPrediction[] Predict(IReadOnlyList<Composition> compositions, IReadOnlyList<double[]>? extraInputs = null)
    {
        var x = FeatureMatrix.Build(compositions, extraInputs, Info.ExtraInputs.Count);
        return PredictFeatures(x);
    }

    internal PropertyPrediction[] PredictFeatures(double[][] x)
    {
        if (x.Length == 0)
        {
            return [];
        }

        var mean = new double[x.Length];
        var deviation = new double[x.Length];
        Predictor.Predict(x, mean, deviation);
        return [.. mean.Select((m, i) => new PropertyPrediction(m, deviation[i]))];
    }
}
