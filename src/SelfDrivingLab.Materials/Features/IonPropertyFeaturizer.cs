using SelfDrivingLab.Materials.Elements;
using SelfDrivingLab.Materials.Formulas;

namespace SelfDrivingLab.Materials.Features;

/// <summary>
/// matminer's <c>IonProperty(fast=False)</c> (Ward et al. 2016): <c>compound possible</c> (1 when the common oxidation
/// states of <see cref="OxidationStates"/> can balance the charge, else 0), and with the ionic character of a pair
/// I(χᵢ, χⱼ) = 1 − exp(−(χᵢ − χⱼ)²/4) of Pauling electronegativities, <c>max ionic char</c> (the largest over element
/// pairs, 0 for one element) and <c>avg ionic char</c> Σᵢ&lt;ⱼ xᵢxⱼ·I(χᵢ, χⱼ). Missing electronegativities (noble gases)
/// follow <see cref="MissingValuePolicy"/>. Unlike matminer, the oxidation states are pymatgen's common states rather
/// than Magpie's longer list. Immutable and thread-safe.
/// </summary>
public sealed class IonPropertyFeaturizer : ICompositionFeaturizer
{
    private const string Electronegativity = "Electronegativity";

    private readonly ElementTable _table;
    private readonly OxidationStates _oxidationStates;
    private readonly MissingValuePolicy _missingValues;

    /// <summary>Creates the featurizer over the given tables (default: the shipped ones).</summary>
    public IonPropertyFeaturizer(MissingValuePolicy missingValues = MissingValuePolicy.TableMean, ElementTable? table = null, OxidationStates? oxidationStates = null)
    {
        _table = table ?? ElementTable.Default;
        _oxidationStates = oxidationStates ?? OxidationStates.Default;
        _missingValues = missingValues;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> FeatureNames { get; } = new[] { "compound possible", "max ionic char", "avg ionic char" }.AsReadOnly();

    /// <inheritdoc />
    public void Featurize(Composition composition, Span<double> features)
    {
        ArgumentNullException.ThrowIfNull(composition);
        features[0] = _oxidationStates.CanBeChargeNeutral(composition) ? 1 : 0;
        var elements = composition.Elements;
        var maximum = 0.0;
        var average = 0.0;
        for (var i = 0; i < elements.Count; i++)
        {
            for (var j = i + 1; j < elements.Count; j++)
            {
                var difference = Chi(elements[i]) - Chi(elements[j]);
                var character = 1 - Math.Exp(-0.25 * difference * difference);
                maximum = Math.Max(maximum, character);
                average += composition.Fractions[elements[i]] * composition.Fractions[elements[j]] * character;
            }
        }

        features[1] = double.IsNaN(average) ? double.NaN : maximum;
        features[2] = average;
    }

    private double Chi(string element)
    {
        var value = _table.Value(Electronegativity, element);
        return double.IsNaN(value) && _missingValues == MissingValuePolicy.TableMean ? _table.Mean(Electronegativity) : value;
    }
}
