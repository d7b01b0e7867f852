using SelfDrivingLab.Materials.Formulas;

namespace SelfDrivingLab.Materials.Features;

/// <summary>
/// Concatenates the features of several featurizers in order. <see cref="FullMagpie"/> is the composition-only feature
/// set of Ward et al. 2016 as matminer composes it (stoichiometry, element-property statistics, valence orbitals, ionic
/// character: 149 features). Immutable and thread-safe.
/// </summary>
public sealed class CompositeFeaturizer : ICompositionFeaturizer
{
    private readonly ICompositionFeaturizer[] _parts;

    /// <summary>Composes <paramref name="parts"/>; throws <see cref="ArgumentException"/> for duplicate feature names.</summary>
    public CompositeFeaturizer(params ICompositionFeaturizer[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        _parts = [.. parts];
        var names = _parts.SelectMany(p => p.FeatureNames).ToArray();
        var duplicate = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Feature '{duplicate.Key}' appears twice.", nameof(parts));
        }

        FeatureNames = names.AsReadOnly();
    }

    /// <summary>The full Magpie set (149 features) with <paramref name="missingValues"/> for missing element data.</summary>
    public static CompositeFeaturizer FullMagpie(MissingValuePolicy missingValues = MissingValuePolicy.TableMean) => new(
        new StoichiometryFeaturizer(),
        new MagpieFeaturizer(missingValues),
        new ValenceOrbitalFeaturizer(),
        new IonPropertyFeaturizer(missingValues));

    /// <inheritdoc />
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>The features of <paramref name="composition"/> as a new array.</summary>
    public double[] Featurize(Composition composition)
    {
        var features = new double[FeatureNames.Count];
        Featurize(composition, features);
        return features;
    }

    /// <inheritdoc />
    public void Featurize(Composition composition, Span<double> features)
    {
        var offset = 0;
        foreach (var part in _parts)
        {
            var count = part.FeatureNames.Count;
            part.Featurize(composition, features.Slice(offset, count));
            offset += count;
        }
    }
}
