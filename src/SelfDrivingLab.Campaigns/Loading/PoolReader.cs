using System.Globalization;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Data;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Core.Text;
using SelfDrivingLab.Materials.Features;
using SelfDrivingLab.Materials.Formulas;
using SelfDrivingLab.Optimization.Pools;
using SelfDrivingLab.Optimization.Space;

namespace SelfDrivingLab.Campaigns.Loading;

/// <summary>
/// Reads <c>pool</c>: a CSV table whose distinct rows are the candidate experiments, featurized from a formula column
/// (Magpie) or taken from numeric input columns, optionally subsampled (seeded) to <c>limit</c> rows.
/// </summary>
internal static class PoolReader
{
    private static readonly MagpieFeaturizer Featurizer = new();

    /// <summary>The pool and the space its candidates lie in (both null when there are errors), and the parameter names it declares.</summary>
    public static (CandidatePoolDefinition? Pool, SearchSpace? Space, IReadOnlyList<string> Names) Read(YamlMap root, string baseDirectory, int seed)
    {
        if (root.Map("pool", required: true) is not { } map)
        {
            return (null, null, []);
        }

        var before = map.Errors.Count;
        map.CheckKeys("table", "formula_column", "inputs", "limit", "prior_model");
        var table = map.String("table", required: true);
        var formulaColumn = map.String("formula_column");
        var inputs = map.StringList("inputs");
        var limit = (int?)map.Integer("limit", min: 2, max: int.MaxValue);
        if (formulaColumn is not null && inputs is not null)
        {
            map.Error("inputs", "give either 'formula_column' or 'inputs', not both");
        }
        else if (formulaColumn is null && inputs is null && !map.Has("formula_column") && !map.Has("inputs"))
        {
            map.Error("formula_column", "needs 'formula_column' (a column of chemical formulas) or 'inputs' (numeric columns)");
        }
        else if (inputs is not null && (inputs.Count == 0 || inputs.Distinct(StringComparer.Ordinal).Count() != inputs.Count))
        {
            map.Error("inputs", inputs.Count == 0 ? "needs at least one column" : "columns must be distinct");
        }

        var (priorModel, model) = PoolPriorModelReader.Read(map, baseDirectory, formulaColumn);
        IReadOnlyList<string> names = formulaColumn is not null ? [formulaColumn] : inputs ?? [];
        if (map.Errors.Count != before || table is null || names.Count == 0)
        {
            return (null, null, names);
        }

        var fullPath = Path.GetFullPath(Path.Combine(baseDirectory, table));
        var candidates = ReadCandidates(map, table, fullPath, formulaColumn, inputs ?? []);
        if (candidates is null)
        {
            return (null, null, names);
        }

        if (limit is { } size && size < candidates.Count)
        {
            // A seeded subsample, kept in file order so the pool reads like the table.
            var chosen = Enumerable.Range(0, candidates.Count).ToArray();
            new Random(seed).Shuffle(chosen);
            candidates = [.. chosen[..size].Order().Select(i => candidates[i])];
        }

        if (candidates.Count < 2)
        {
            map.Error("table", $"'{table}' needs at least two distinct candidates (got {candidates.Count})");
            return (null, null, names);
        }

        IReadOnlyList<string> featureNames = formulaColumn is null ? inputs! : Featurizer.FeatureNames;
        PoolPriorMean? priorMean = null;
        if (priorModel is not null && model is not null)
        {
            var (values, uncertainties) = PoolPriorModelReader.Predict(model, [.. candidates.Select(c => c.Composition!)]);
            if (priorModel.Use == PoolPriorModelUse.Feature)
            {
                candidates = [.. candidates.Select((c, i) => c with { Features = [.. c.Features, values[i], uncertainties[i]] })];
                featureNames = [.. featureNames, $"predicted {model.Info.Name}", $"predicted {model.Info.Name}_uncertainty"];
            }
            else
            {
                priorMean = new PoolPriorMean(values, uncertainties) { Scaling = priorModel.Scaling, AddUncertainty = priorModel.AddUncertainty };
            }
        }

        try
        {
            var pool = new CandidatePool([.. candidates.Select(c => c.Parameters)], [.. candidates.Select(c => c.Features)], featureNames);
            var space = new SearchSpace(formulaColumn is not null
                ? [new CategoricalParameter(formulaColumn, [.. candidates.Select(c => c.Parameters[formulaColumn].Text!)])]
                : [.. inputs!.Select((name, j) => Range(name, candidates.Select(c => c.Features[j])))]);
            return (new CandidatePoolDefinition(fullPath, formulaColumn, inputs ?? [], limit, pool) { PriorModel = priorModel, PriorMean = priorMean }, space, names);
        }
        catch (ArgumentException ex)
        {
            map.Error("table", $"'{table}' does not make a candidate pool: {ex.Message}");
            return (null, null, names);
        }
    }

    private static List<PoolRow>? ReadCandidates(YamlMap map, string table, string fullPath, string? formulaColumn, IReadOnlyList<string> inputs)
    {
        if (!File.Exists(fullPath))
        {
            map.Error("table", $"file '{table}' does not exist (looked for {fullPath})");
            return null;
        }

        string[] header;
        List<(int Line, string[] Fields)> rows;
        try
        {
            (header, rows) = CsvRows.Read(fullPath);
        }
        catch (InvalidDataException ex)
        {
            map.Error("table", $"'{table}' {ex.Message}");
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            map.Error("table", $"cannot read '{table}': {ex.Message}");
            return null;
        }

        var key = formulaColumn is null ? "inputs" : "formula_column";
        var missing = (formulaColumn is null ? inputs : [formulaColumn]).Where(c => !header.Contains(c)).ToList();
        foreach (var column in missing)
        {
            map.Error(key, $"column '{column}' is not in the header of '{table}' (columns: {string.Join(", ", header)}){NameSuggestion.DidYouMean(column, header)}");
        }

        if (missing.Count > 0)
        {
            return null;
        }

        var seen = new HashSet<ParameterSet>();
        var candidates = new List<PoolRow>();
        foreach (var (line, fields) in rows)
        {
            var candidate = formulaColumn is null
                ? NumericRow(fields, header, inputs, line, out var problem)
                : FormulaRow(fields[Array.IndexOf(header, formulaColumn)].Trim(), formulaColumn, line, out problem);
            if (candidate is null)
            {
                map.Error(key, $"'{table}' line {line}: {problem}");
                return null;
            }

            if (seen.Add(candidate.Parameters))
            {
                candidates.Add(candidate);
            }
        }

        return candidates;
    }

    private static PoolRow? FormulaRow(string formula, string column, int line, out string? problem)
    {
        problem = null;
        if (!ChemicalFormula.TryParse(formula, out var composition, out var error) || formula.Length == 0)
        {
            problem = formula.Length == 0 ? $"column '{column}' is empty" : $"'{formula}' is not a valid formula: {error?.Message}";
            return null;
        }

        return new PoolRow(new ParameterSet([new(column, formula)]), Featurizer.Featurize(composition), composition);
    }

    private static PoolRow? NumericRow(string[] fields, string[] header, IReadOnlyList<string> inputs, int line, out string? problem)
    {
        problem = null;
        var values = new double[inputs.Count];
        for (var j = 0; j < inputs.Count; j++)
        {
            var field = fields[Array.IndexOf(header, inputs[j])].Trim();
            if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out values[j]) || !double.IsFinite(values[j]))
            {
                problem = $"column '{inputs[j]}': '{field}' is not a finite number";
                return null;
            }
        }

        return new PoolRow(new ParameterSet(inputs.Select((name, j) => new KeyValuePair<string, ParameterValue>(name, values[j]))), values, null);
    }

    /// <summary>A continuous parameter spanning the column; a constant column gets a tiny range above its value (the space needs low &lt; high).</summary>
    private static ContinuousParameter Range(string name, IEnumerable<double> values)
    {
        var (low, high) = (values.Min(), values.Max());
        return new ContinuousParameter(name, low, high > low ? high : low + Math.Max(Math.Abs(low), 1) * 1e-9);
    }

    /// <summary>One candidate: its parameters, raw features and (for a formula pool) composition.</summary>
    private sealed record PoolRow(ParameterSet Parameters, double[] Features, Composition? Composition);
}
