using SelfDrivingLab.Materials.Formulas;

namespace SelfDrivingLab.Materials.Features;

/// <summary>
/// matminer's <c>Stoichiometry()</c> (Ward et al. 2016): the p-norms (Σ xᵢᵖ)^(1/p) of the atomic fractions xᵢ for
/// p = 2, 3, 5, 7, 10, and the "0-norm", the number of elements — 6 features named <c>0-norm</c>, <c>2-norm</c>, ….
/// Immutable and thread-safe.
/// </summary>
public sealed class StoichiometryFeaturizer : ICompositionFeaturizer
{
    private static readonly int[] Powers = [0, 2, 3, 5, 7, 10];

    /// <inheritdoc />
    public IReadOnlyList<string> FeatureNames { get; } = Powers.Select(p => $"{p}-norm").ToArray().AsReadOnly();

    /// <inheritdoc />
    public void Featurize(Composition composition, Span<double> features)
    {
        ArgumentNullException.ThrowIfNull(composition);
        for (var k = 0; k < Powers.Length; k++)
        {
            var p = Powers[k];
            if (p == 0)
            {
                features[k] = composition.Elements.Count;
                continue;
            }

            var sum = composition.Fractions.Values.Sum(x => Math.Pow(x, p));
            features[k] = Math.Pow(sum, 1.0 / p);
        }
    }
}
