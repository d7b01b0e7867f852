using SelfDrivingLab.Materials.Formulas;

namespace SelfDrivingLab.PropertyModels;

/// <summary>
/// A trained model of one material property as a function of composition (and optionally extra numeric inputs).
/// Implementations are immutable and thread-safe.
/// </summary>
public interface IPropertyModel
{
    /// <summary>What the model predicts, how it was trained and which inputs it needs.</summary>
    PropertyModelInfo Info { get; }

    /// <summary>
    /// Predicts the property of each composition. <paramref name="extraInputs"/> holds, per composition, the values of
    /// <see cref="PropertyModelInfo.ExtraInputs"/> in order; it may be null when the model has none. Throws
    /// <see cref="ArgumentException"/> when the inputs do not match.
    /// </summary>
    PropertyPrediction[] Predict(IReadOnlyList<Composition> compositions, IReadOnlyList<double[]>? extraInputs = null);
}
