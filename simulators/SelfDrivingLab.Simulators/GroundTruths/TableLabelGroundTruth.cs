using System.Globalization;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Simulators;

/// <summary>
/// A categorical ground truth read from a CSV table whose output column holds text labels. Rows with
/// identical inputs are replicates; a measurement answers for the nearest row's inputs (as
/// <see cref="TableGroundTruth"/>): a random replicate's label when
/// <see cref="TableGroundTruthDefinition.Replicates"/> is set, else the most frequent one.
/// Immutable and thread-safe (the caller owns the <see cref="Random"/>).
/// </summary>
public sealed class TableLabelGroundTruth : ILabelGroundTruth
{
    private readonly NearestNeighbourIndex _index;
    private readonly List<string>[] _replicates;
    private readonly string[] _majority;
    private readonly bool _useReplicates;

    /// <summary>Loads the table named by <paramref name="definition"/>; errors name the file, line and column.</summary>
    public TableLabelGroundTruth(TableGroundTruthDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.Inputs.Count == 0)
        {
            throw new ArgumentException($"Table ground truth {definition.Path} needs at least one input column.", nameof(definition));
        }

        Inputs = [.. definition.Inputs];
        Output = definition.Output;
        _useReplicates = definition.Replicates;
        var (header, rows) = CsvTable.Read(definition.Path);
        var inputColumns = Inputs.Select(name => TableGroundTruth.Column(header, name, definition.Path)).ToArray();
        var outputColumn = TableGroundTruth.Column(header, Output, definition.Path);
        var groups = new Dictionary<string, (double[] Point, List<string> Labels)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (line, fields) in rows)
        {
            var point = inputColumns.Select(c => TableGroundTruth.Number(fields[c], header[c], line, definition.Path)).ToArray();
            var label = fields[outputColumn].Trim();
            if (label.Length == 0)
            {
                throw new InvalidDataException($"{definition.Path} line {line}, column '{Output}': the label is empty.");
            }

            var key = string.Join('|', point.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
            if (!groups.TryGetValue(key, out var group))
            {
                group = (point, []);
                groups[key] = group;
                order.Add(key);
            }

            group.Labels.Add(label);
        }

        if (order.Count == 0)
        {
            throw new InvalidDataException($"{definition.Path} has a header but no data rows.");
        }

        _index = new NearestNeighbourIndex([.. order.Select(k => groups[k].Point)]);
        _replicates = [.. order.Select(k => groups[k].Labels)];
        _majority = [.. _replicates.Select(labels => labels.GroupBy(l => l, StringComparer.Ordinal).OrderByDescending(g => g.Count()).First().Key)];
        Labels = [.. _replicates.SelectMany(l => l).Distinct(StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Inputs { get; }

    /// <inheritdoc />
    public string Output { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Labels { get; }

    /// <inheritdoc />
    public string Classify(ParameterSet inputs, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var nearest = _index.Nearest(InputReader.Read(Inputs, inputs));
        var replicates = _replicates[nearest];
        return _useReplicates ? replicates[random.Next(replicates.Count)] : _majority[nearest];
    }

    /// <inheritdoc />
    public string TrueLabel(ParameterSet inputs) => _majority[_index.Nearest(InputReader.Read(Inputs, inputs))];
}
