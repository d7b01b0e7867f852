using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Simulators;

/// <summary>
/// A ground truth read from a CSV table whose single input column holds text keys (e.g. chemical formulas). A
/// measurement answers only for the row whose key equals the command's text parameter exactly (ordinal, surrounding
/// whitespace ignored): a random replicate when <see cref="TableGroundTruthDefinition.Replicates"/> is set, else the
/// mean, plus Gaussian noise. An unknown key is refused (there is no "nearest" formula). Immutable and thread-safe
/// (the caller owns the <see cref="Random"/>).
/// </summary>
public sealed class TextKeyedTableGroundTruth : IGroundTruth
{
    private readonly Dictionary<string, TableCandidate> _byKey;
    private readonly double _noise;
    private readonly bool _replicates;

    /// <summary>Loads the table named by <paramref name="definition"/>; errors name the file, line and column.</summary>
    public TextKeyedTableGroundTruth(TableGroundTruthDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.Inputs.Count != 1)
        {
            throw new ArgumentException($"Text-keyed ground truth {definition.Path} needs exactly one input column (got {definition.Inputs.Count}).", nameof(definition));
        }

        Inputs = [definition.Inputs[0]];
        Output = definition.Output;
        _noise = definition.NoiseStandardDeviation;
        _replicates = definition.Replicates;
        var (header, rows) = CsvTable.Read(definition.Path);
        var keyColumn = TableGroundTruth.Column(header, Inputs[0], definition.Path);
        var outputColumn = TableGroundTruth.Column(header, Output, definition.Path);
        var groups = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (line, fields) in rows)
        {
            var key = fields[keyColumn].Trim();
            if (key.Length == 0)
            {
                throw new InvalidDataException($"{definition.Path} line {line}, column '{Inputs[0]}': the key is empty.");
            }

            var value = TableGroundTruth.Number(fields[outputColumn], Output, line, definition.Path);
            if (!groups.TryGetValue(key, out var values))
            {
                values = [];
                groups[key] = values;
                order.Add(key);
            }

            values.Add(value);
        }

        if (order.Count == 0)
        {
            throw new InvalidDataException($"{definition.Path} has a header but no data rows.");
        }

        _byKey = order.ToDictionary(
            k => k,
            k => new TableCandidate(new ParameterSet([new(Inputs[0], k)]), groups[k]),
            StringComparer.Ordinal);
        Candidates = [.. order.Select(k => _byKey[k])];
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Inputs { get; }

    /// <inheritdoc />
    public string Output { get; }

    /// <summary>Every distinct key with its replicates and mean, in file order.</summary>
    public IReadOnlyList<TableCandidate> Candidates { get; }

    /// <inheritdoc />
    public double Measure(ParameterSet inputs, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var candidate = Find(inputs);
        var value = _replicates ? candidate.Replicates[random.Next(candidate.Replicates.Count)] : candidate.Mean;
        return Gaussian.AddNoise(value, _noise, random);
    }

    /// <inheritdoc />
    public double TrueValue(ParameterSet inputs) => Find(inputs).Mean;

    /// <summary>The row group whose key is the text of input <see cref="Inputs"/>[0]; throws <see cref="ArgumentException"/> naming an unknown or missing key.</summary>
    public TableCandidate Find(ParameterSet inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var name = Inputs[0];
        if (!inputs.TryGetValue(name, out var value))
        {
            throw new ArgumentException($"Input '{name}' is missing (given: {string.Join(", ", inputs.Keys)}).", nameof(inputs));
        }

        if (!value.IsText)
        {
            throw new ArgumentException($"Input '{name}' must be text (a key of the table), not the number {value.Number}.", nameof(inputs));
        }

        return _byKey.TryGetValue(value.Text!.Trim(), out var candidate)
            ? candidate
            : throw new ArgumentException($"Input '{name}' = '{value.Text}' is not in the table's column '{name}'.", nameof(inputs));
    }
}
