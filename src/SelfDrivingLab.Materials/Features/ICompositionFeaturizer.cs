using SelfDrivingLab.Materials.Formulas;

namespace SelfDrivingLab.Materials.Features;

/// <summary>Turns a composition into a fixed-length vector of named features. Implementations are immutable and thread-safe.</summary>
public interface ICompositionFeaturizer
{
    /// <summary>The feature names, in output order.</summary>
    IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Writes the features of <paramref name="composition"/> into <paramref name="features"/> (length <see cref="FeatureNames"/>.Count).</summary>
    void Featurize(Composition composition, Span<double> features);
}
