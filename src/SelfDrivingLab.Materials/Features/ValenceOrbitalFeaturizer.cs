using SelfDrivingLab.Materials.Elements;
using SelfDrivingLab.Materials.Formulas;

namespace SelfDrivingLab.Materials.Features;

/// <summary>
/// matminer's <c>ValenceOrbital(props=["avg", "frac"])</c> (Ward et al. 2016): the fraction-weighted mean number of
/// filled s, p, d and f valence electrons, avgₒ = Σ xᵢ·Nₒ,ᵢ, and each one's share of the total, avgₒ / Σₒ avgₒ — 8
/// features named <c>avg s valence electrons</c> … <c>frac f valence electrons</c>. Immutable and thread-safe.
/// </summary>
public sealed class ValenceOrbitalFeaturizer : ICompositionFeaturizer
{
    private static readonly string[] Orbitals = ["s", "p", "d", "f"];
    private static readonly string[] Properties = ["NsValence", "NpValence", "NdValence", "NfValence"];

    private readonly ElementTable _table;

    /// <summary>Creates the featurizer over <paramref name="table"/> (default: the shipped table).</summary>
    public ValenceOrbitalFeaturizer(ElementTable? table = null) => _table = table ?? ElementTable.Default;

    /// <inheritdoc />
    public IReadOnlyList<string> FeatureNames { get; } =
        new[] { "avg", "frac" }.SelectMany(stat => Orbitals.Select(o => $"{stat} {o} valence electrons")).ToArray().AsReadOnly();

    /// <inheritdoc />
    public void Featurize(Composition composition, Span<double> features)
    {
        ArgumentNullException.ThrowIfNull(composition);
        var total = 0.0;
        for (var o = 0; o < Orbitals.Length; o++)
        {
            var average = 0.0;
            foreach (var element in composition.Elements)
            {
                average += composition.Fractions[element] * _table.Value(Properties[o], element);
            }

            features[o] = average;
            total += average;
        }

        for (var o = 0; o < Orbitals.Length; o++)
        {
            features[Orbitals.Length + o] = total > 0 ? features[o] / total : 0;
        }
    }
}
