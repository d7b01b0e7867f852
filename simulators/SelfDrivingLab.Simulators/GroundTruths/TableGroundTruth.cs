using System.Globalization;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Simulators;

/// <summary>
/// A ground truth read from a CSV table. Rows with identical inputs are replicates of one candidate
/// whose true value is their mean. A measurement answers for the nearest candidate (Euclidean
/// distance with each input divided by its column's range): a random replicate when
/// <see cref="TableGroundTruthDefinition.Replicates"/> is set, else the mean, plus Gaussian noise.
/// Immutable and thread-safe (the caller owns the <see cref="Random"/>).
/// </summary>
public sealed class TableGroundTruth : IGroundTruth
{
    private readonly NearestNeighbourIndex _index;
    private readonly double _noise;
    private readonly bool _replicates;

    /// <summary>Loads the table named by <paramref name="definition"/>; errors name the file, line and column.</summary>
    public TableGroundTruth(TableGroundTruthDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.TextOutput)
        {
            throw new ArgumentException($"Table ground truth {definition.Path} has a text output '{definition.Output}'; use {nameof(TableLabelGroundTruth)}.", nameof(definition));
        }

        if (definition.Inputs.Count == 0)
        {
            throw new ArgumentException($"Table ground truth {definition.Path} needs at least one input column.", nameof(definition));
        }

        Inputs = [.. definition.Inputs];
        Output = definition.Output;
        _noise = definition.NoiseStandardDeviation;
        _replicates = definition.Replicates;
        var (header, rows) = CsvTable.Read(definition.Path);
        var inputColumns = Inputs.Select(name => Column(header, name, definition.Path)).ToArray();
        var outputColumn = Column(header, Output, definition.Path);

        var groups = new Dictionary<string, (double[] Point, List<double> Values)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (line, fields) in rows)
        {
            var point = inputColumns.Select(c => Number(fields[c], header[c], line, definition.Path)).ToArray();
            var value = Number(fields[outputColumn], Output, line, definition.Path);
            var key = string.Join('|', point.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
            if (!groups.TryGetValue(key, out var group))
            {
                group = (point, []);
                groups[key] = group;
                order.Add(key);
            }

            group.Values.Add(value);
        }

        if (order.Count == 0)
        {
            throw new InvalidDataException($"{definition.Path} has a header but no data rows.");
        }

        _index = new NearestNeighbourIndex([.. order.Select(k => groups[k].Point)]);
        Candidates = [.. order.Select(k => new TableCandidate(
            new ParameterSet(Inputs.Select((name, i) => new KeyValuePair<string, ParameterValue>(name, groups[k].Point[i]))),
            groups[k].Values))];
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Inputs { get; }

    /// <inheritdoc />
    public string Output { get; }

    /// <summary>Every distinct input combination with its replicates and mean, in file order.</summary>
    public IReadOnlyList<TableCandidate> Candidates { get; }

    /// <inheritdoc />
    public double Measure(ParameterSet inputs, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var candidate = Nearest(inputs);
        var value = _replicates ? candidate.Replicates[random.Next(candidate.Replicates.Count)] : candidate.Mean;
        return Gaussian.AddNoise(value, _noise, random);
    }

    /// <inheritdoc />
    public double TrueValue(ParameterSet inputs) => Nearest(inputs).Mean;

    /// <summary>The candidate nearest to <paramref name="inputs"/> (the first in file order on a tie).</summary>
    public TableCandidate Nearest(ParameterSet inputs) => Candidates[_index.Nearest(InputReader.Read(Inputs, inputs))];

    /// <summary>
    /// Percentage of candidates whose mean is no better than <paramref name="value"/>: 100 for a value
    /// at least as good as the best candidate, 100/N for one only as good as the worst.
    /// </summary>
    public double PercentileOf(double value, bool higherIsBetter)
    {
        var noBetter = Candidates.Count(c => higherIsBetter ? c.Mean <= value : c.Mean >= value);
        return 100.0 * noBetter / Candidates.Count;
    }

    internal static int Column(string[] header, string name, string path)
    {
        var index = Array.IndexOf(header, name);
        return index >= 0
            ? index
            : throw new ArgumentException($"{path} has no column '{name}' (columns: {string.Join(", ", header.Select(h => $"'{h}'"))}).", nameof(name));
    }

    internal static double Number(string field, string column, int line, string path) =>
        double.TryParse(field.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new InvalidDataException($"{path} line {line}, column '{column}': '{field}' is not a finite number.");
}
