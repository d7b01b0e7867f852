using SelfDrivingLab.Materials.Features;
using SelfDrivingLab.Materials.Formulas;

namespace SelfDrivingLab.PropertyModels;

/// <summary>
/// The inputs every property model sees: the full Magpie features of the composition (<see cref="CompositeFeaturizer.FullMagpie"/>,
/// missing element data imputed with the table mean) followed by any extra numeric inputs. Thread-safe.
/// </summary>
public static class FeatureMatrix
{
    /// <summary>Identifies the feature set in model files; a file made with another set is refused.</summary>
    public const string FeatureSetName = "full-magpie-149";

    private static readonly CompositeFeaturizer Featurizer = CompositeFeaturizer.FullMagpie();

    /// <summary>The composition feature names, in order.</summary>
    public static IReadOnlyList<string> CompositionFeatureNames => Featurizer.FeatureNames;

    /// <summary>One feature row per composition (in parallel); <paramref name="extraInputs"/> must have <paramref name="extraCount"/> values per row.</summary>
    public static double[][] Build(IReadOnlyList<Composition> compositions, IReadOnlyList<double[]>? extraInputs, int extraCount)
    {
        ArgumentNullException.ThrowIfNull(compositions);
        if (extraCount > 0 && (extraInputs is null || extraInputs.Count != compositions.Count || extraInputs.Any(e => e.Length != extraCount)))
        {
            throw new ArgumentException($"The model needs {extraCount} extra input value(s) for each of the {compositions.Count} compositions.", nameof(extraInputs));
        }

        var width = Featurizer.FeatureNames.Count;
        var rows = new double[compositions.Count][];
        Parallel.For(0, rows.Length, i =>
        {
            var row = new double[width + extraCount];
            Featurizer.Featurize(compositions[i], row.AsSpan(0, width));
            extraInputs?[i].AsSpan().CopyTo(row.AsSpan(width));
            rows[i] = row;
        });
        return rows;
    }
}
