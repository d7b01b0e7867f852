using System.Globalization;

namespace SelfDrivingLab.Benchmarks.Data;

/// <summary>
/// A finite pool of candidates for the pool-based benchmark: one candidate per distinct input vector, whose target is
/// the mean over its replicate rows. Inputs are in their original units (the proposer's candidate pool scales them to
/// the unit cube). Immutable and thread-safe.
/// </summary>
public sealed class BenchmarkDataset
{
    private readonly double[][] _inputs;
    private readonly double[] _targets;

    private BenchmarkDataset(string targetName, IReadOnlyList<string> inputNames, double[][] inputs, double[][] replicates, int rowCount)
    {
        var targets = replicates.Select(r => r.Average()).ToArray();
        TargetName = targetName;
        InputNames = inputNames;
        _inputs = inputs;
        _targets = targets;
        Inputs = inputs.Select(row => (IReadOnlyList<double>)row.AsReadOnly()).ToArray().AsReadOnly();
        Targets = targets.AsReadOnly();
        Replicates = replicates.Select(r => (IReadOnlyList<double>)r.AsReadOnly()).ToArray().AsReadOnly();
        ReplicateCounts = replicates.Select(r => r.Length).ToArray().AsReadOnly();
        RowCount = rowCount;
    }

    /// <summary>Name of the measured column.</summary>
    public string TargetName { get; }

    /// <summary>Names of the input columns (or formula features), in order.</summary>
    public IReadOnlyList<string> InputNames { get; }

    /// <summary>Candidate inputs, one row per candidate, original units.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Inputs { get; }

    /// <summary>Candidate targets (replicate means).</summary>
    public IReadOnlyList<double> Targets { get; }

    /// <summary>The measured values of each candidate's table rows (its replicates), in table order.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Replicates { get; }

    /// <summary>How many table rows each candidate averages.</summary>
    public IReadOnlyList<int> ReplicateCounts { get; }

    /// <summary>Number of table rows read (before averaging replicates).</summary>
    public int RowCount { get; }

    /// <summary>
    /// The prior mean of each candidate (the mean of its rows' predictions, see <see cref="ModelPrior"/> with
    /// <see cref="ModelPriorUse.Mean"/>), or null without one.
    /// </summary>
    public IReadOnlyList<double>? PriorMeans { get; private init; }

    /// <summary>The standard deviation of each <see cref="PriorMeans"/> entry (its rows' mean), or null without a prior mean.</summary>
    public IReadOnlyList<double>? PriorUncertainties { get; private init; }

    /// <summary>Number of candidates (distinct inputs).</summary>
    public int CandidateCount => _targets.Length;

    /// <summary>
    /// Loads a CSV pool. <paramref name="inputs"/> default to every column except the target (and the formula column);
    /// when <paramref name="formulaColumn"/> is given and <paramref name="inputs"/> is not, the inputs are the formula's
    /// Magpie features only (so a row-number column is not mistaken for an input). A numeric column is one input; a
    /// column with any text is categorical and one-hot encoded (one 0/1 input per level, named <c>column=level</c>,
    /// levels in order of first appearance). Throws <see cref="BenchmarkDataException"/> naming the column and row of any
    /// problem.
    /// </summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="target">The measured column.</param>
    /// <param name="inputs">Input columns (default: see above).</param>
    /// <param name="formulaColumn">A column of formulas, featurized with Magpie features.</param>
    /// <param name="prior">A model's prediction of each row, as two more inputs or as the candidates' prior means.</param>
    public static BenchmarkDataset Load(string path, string target, IReadOnlyList<string>? inputs = null, string? formulaColumn = null, ModelPrior? prior = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        var table = CsvTable.Read(path);
        return FromTable(table, Path.GetFileName(path), target, inputs, formulaColumn, prior);
    }

    internal static BenchmarkDataset FromTable(CsvTable table, string source, string target, IReadOnlyList<string>? inputs, string? formulaColumn, ModelPrior? prior = null)
    {
        if (prior is not null && (prior.Values.Count != table.Rows.Count || prior.Uncertainties.Count != table.Rows.Count))
        {
            throw new BenchmarkDataException($"'{source}' has {table.Rows.Count} rows but the model's predictions are for {prior.Values.Count}.");
        }

        var columns = new DatasetColumns(table, source);
        var targetIndex = columns.Find(target);
        var targets = columns.Numbers(targetIndex);
        var names = new List<string>();
        var values = new List<double[]>();
        var formulaIndex = formulaColumn is null ? -1 : columns.Find(formulaColumn);
        var selected = inputs?.Select(columns.Find).ToArray()
            ?? (formulaIndex >= 0 ? [] : [.. Enumerable.Range(0, table.Header.Count).Where(c => c != targetIndex)]);
        foreach (var index in selected)
        {
            if (index == targetIndex)
            {
                throw new BenchmarkDataException($"Column '{table.Header[index]}' is the target and cannot also be an input.");
            }

            if (columns.IsNumeric(index))
            {
                names.Add(table.Header[index]);
                values.Add(columns.Numbers(index));
            }
            else
            {
                foreach (var (level, indicator) in columns.OneHot(index))
                {
                    names.Add($"{table.Header[index]}={level}");
                    values.Add(indicator);
                }
            }
        }

        if (formulaIndex >= 0)
        {
            var (featureNames, features) = FormulaFeatures.Compute(table, formulaIndex, source);
            names.AddRange(featureNames);
            values.AddRange(features);
        }

        if (prior is { Use: ModelPriorUse.Feature })
        {
            names.Add($"predicted {prior.Name}");
            values.Add([.. prior.Values]);
            names.Add($"predicted {prior.Name}_uncertainty");
            values.Add([.. prior.Uncertainties]);
        }

        if (names.Count == 0)
        {
            throw new BenchmarkDataException($"'{source}' has no input column besides the target '{target}'.");
        }

        var rows = Enumerable.Range(0, table.Rows.Count).Select(r => values.Select(column => column[r]).ToArray()).ToArray();
        var dataset = Create(table.Header[targetIndex], names, rows, targets);
        return prior is { Use: ModelPriorUse.Mean } ? dataset.WithPriorMean(rows, prior) : dataset;
    }

    /// <summary>This dataset with each candidate's prior mean and uncertainty: the means over its rows (the rows of <paramref name="rows"/> whose inputs are the candidate's).</summary>
    private BenchmarkDataset WithPriorMean(double[][] rows, ModelPrior prior)
    {
        var candidateOf = new Dictionary<double[], int>(InputComparer.Instance);
        for (var c = 0; c < _inputs.Length; c++)
        {
            candidateOf.Add(_inputs[c], c);
        }

        var (means, uncertainties, counts) = (new double[CandidateCount], new double[CandidateCount], new int[CandidateCount]);
        for (var r = 0; r < rows.Length; r++)
        {
            var c = candidateOf[rows[r]];
            (means[c], uncertainties[c], counts[c]) = (means[c] + prior.Values[r], uncertainties[c] + prior.Uncertainties[r], counts[c] + 1);
        }

        for (var c = 0; c < means.Length; c++)
        {
            (means[c], uncertainties[c]) = (means[c] / counts[c], uncertainties[c] / counts[c]);
        }

        return new BenchmarkDataset(TargetName, InputNames, _inputs, [.. Replicates.Select(r => r.ToArray())], RowCount)
        {
            PriorMeans = means.AsReadOnly(),
            PriorUncertainties = uncertainties.AsReadOnly(),
        };
    }

    /// <summary>
    /// Builds a pool from rows; rows with identical inputs are replicates, averaged into one candidate (in order of
    /// first appearance). Throws <see cref="ArgumentException"/> for ragged or non-finite data.
    /// </summary>
    public static BenchmarkDataset Create(string targetName, IReadOnlyList<string> inputNames, IReadOnlyList<double[]> rows, IReadOnlyList<double> targets)
    {
        ArgumentNullException.ThrowIfNull(inputNames);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(targets);
        if (rows.Count == 0 || rows.Count != targets.Count)
        {
            throw new ArgumentException($"Need at least one row and one target per row (got {rows.Count} rows, {targets.Count} targets).", nameof(rows));
        }

        var groups = new Dictionary<double[], int>(InputComparer.Instance);
        var inputs = new List<double[]>();
        var values = new List<List<double>>();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row.Length != inputNames.Count || row.Any(v => !double.IsFinite(v)) || !double.IsFinite(targets[r]))
            {
                throw new ArgumentException($"Row {r + 1} needs {inputNames.Count} finite inputs and a finite target.", nameof(rows));
            }

            if (groups.TryGetValue(row, out var candidate))
            {
                values[candidate].Add(targets[r]);
            }
            else
            {
                groups.Add(row, inputs.Count);
                inputs.Add((double[])row.Clone());
                values.Add([targets[r]]);
            }
        }

        return new BenchmarkDataset(targetName, inputNames.ToArray().AsReadOnly(), [.. inputs], [.. values.Select(v => v.ToArray())], rows.Count);
    }

    /// <summary>A pool of <paramref name="count"/> candidates drawn without replacement (seeded); the whole pool if it is not larger.</summary>
    public BenchmarkDataset Subsample(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (count >= CandidateCount)
        {
            return this;
        }

        var order = Enumerable.Range(0, CandidateCount).ToArray();
        new Random(seed).Shuffle(order);
        var chosen = order.Take(count).Order().ToArray();
        return new BenchmarkDataset(
            TargetName,
            InputNames,
            [.. chosen.Select(i => _inputs[i])],
            [.. chosen.Select(i => Replicates[i].ToArray())],
            chosen.Sum(i => ReplicateCounts[i]))
        {
            PriorMeans = PriorMeans is { } m ? chosen.Select(i => m[i]).ToArray().AsReadOnly() : null,
            PriorUncertainties = PriorUncertainties is { } u ? chosen.Select(i => u[i]).ToArray().AsReadOnly() : null,
        };
    }

    /// <summary>A one-line description, e.g. <c>600 candidates from 1800 rows, 4 inputs</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{CandidateCount} candidates from {RowCount} rows, {InputNames.Count} inputs, target '{TargetName}'");

    private sealed class InputComparer : IEqualityComparer<double[]>
    {
        public static readonly InputComparer Instance = new();

        public bool Equals(double[]? x, double[]? y) => x is not null && y is not null && x.AsSpan().SequenceEqual(y);

        public int GetHashCode(double[] obj)
        {
            var hash = new HashCode();
            foreach (var value in obj)
            {
                hash.Add(value);
            }

            return hash.ToHashCode();
        }
    }
}
