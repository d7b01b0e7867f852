using System.Text.Json.Serialization;

namespace SelfDrivingLab.PropertyModels.Learning;

/// <summary>
/// A fitted learner on feature vectors: a mean (for classifiers, the probability of the positive class) and a standard
/// deviation per row. Serializable (the body of a model file). Immutable and thread-safe.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(BoostedEnsemblePredictor), "boosted-ensemble")]
[JsonDerivedType(typeof(ForestPredictor), "forest")]
[JsonDerivedType(typeof(SurrogatePredictor), "surrogate")]
[JsonDerivedType(typeof(HurdlePredictor), "hurdle")]
internal abstract record TabularPredictor
{
    /// <summary>Writes the mean and standard deviation of each row of <paramref name="x"/>.</summary>
    public abstract void Predict(double[][] x, Span<double> mean, Span<double> standardDeviation);
}
