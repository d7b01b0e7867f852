using SelfDrivingLab.Materials.Elements;
using SelfDrivingLab.Materials.Formulas;

namespace SelfDrivingLab.Materials.Features;

/// <summary>
/// Magpie composition features (Ward et al. 2016, as matminer's <c>ElementProperty.from_preset("magpie")</c>): for each
/// of the 22 <see cref="ElementTable.MagpieProperties"/>, over the elements of a composition with atomic fractions wᵢ and
/// property values pᵢ: minimum, maximum, range (max − min), mean Σwᵢpᵢ, avg_dev Σwᵢ|pᵢ − mean| (mean absolute
/// deviation) and mode (the value of the element with the largest fraction; on a tie the smallest value) — 132 features
/// named <c>MagpieData {stat} {property}</c>, property-major in that stat order. Immutable and thread-safe.
/// </summary>
public sealed class MagpieFeaturizer : ICompositionFeaturizer
{
    /// <summary>The statistics per property, in output order (matminer's names).</summary>
    public static IReadOnlyList<string> Statistics { get; } = ["minimum", "maximum", "range", "mean", "avg_dev", "mode"];

    private readonly ElementTable _table;

    /// <summary>Creates the featurizer over <paramref name="table"/> (default: the shipped table).</summary>
    public MagpieFeaturizer(MissingValuePolicy missingValues = MissingValuePolicy.TableMean, ElementTable? table = null)
    {
        _table = table ?? ElementTable.Default;
        MissingValues = missingValues;
        FeatureNames = ElementTable.MagpieProperties
            .SelectMany(property => Statistics.Select(stat => $"MagpieData {stat} {property}"))
            .ToArray()
            .AsReadOnly();
    }

    /// <summary>How missing element properties are handled.</summary>
    public MissingValuePolicy MissingValues { get; }

    /// <summary>The 132 feature names, in the order of <see cref="Featurize(Composition)"/>.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Parses <paramref name="formula"/> and featurizes it; throws <see cref="FormulaException"/> for bad formulas.</summary>
    public double[] Featurize(string formula) => Featurize(ChemicalFormula.Parse(formula));

    /// <summary>The 132 features of <paramref name="composition"/>.</summary>
    public double[] Featurize(Composition composition)
    {
        var features = new double[FeatureNames.Count];
        Featurize(composition, features);
        return features;
    }

    /// <inheritdoc />
    public void Featurize(Composition composition, Span<double> features)
    {
        ArgumentNullException.ThrowIfNull(composition);
        var elements = composition.Elements;
        var weights = elements.Select(e => composition.Fractions[e]).ToArray();
        var values = new double[elements.Count];
        var offset = 0;
        foreach (var property in ElementTable.MagpieProperties)
        {
            for (var i = 0; i < values.Length; i++)
            {
                var value = _table.Value(property, elements[i]);
                values[i] = double.IsNaN(value) && MissingValues == MissingValuePolicy.TableMean ? _table.Mean(property) : value;
            }

            WriteStatistics(values, weights, features.Slice(offset, Statistics.Count));
            offset += Statistics.Count;
        }
    }

    private static void WriteStatistics(double[] values, double[] weights, Span<double> output)
    {
        if (values.Any(double.IsNaN))
        {
            output.Fill(double.NaN);
            return;
        }

        var minimum = values.Min();
        var maximum = values.Max();
        var mean = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            mean += weights[i] * values[i];
        }

        var deviation = 0.0;
        var mode = double.NaN;
        var modeWeight = double.NegativeInfinity;
        for (var i = 0; i < values.Length; i++)
        {
            deviation += weights[i] * Math.Abs(values[i] - mean);
            if (weights[i] > modeWeight || (weights[i] == modeWeight && values[i] < mode))
            {
                (mode, modeWeight) = (values[i], weights[i]);
            }
        }

        output[0] = minimum;
        output[1] = maximum;
        output[2] = maximum - minimum;
        output[3] = mean;
        output[4] = deviation;
        output[5] = mode;
    }
}
