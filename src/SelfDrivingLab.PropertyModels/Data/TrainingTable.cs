using System.Globalization;
using SelfDrivingLab.Core.Data;
using SelfDrivingLab.Materials.Formulas;

namespace SelfDrivingLab.PropertyModels.Data;

/// <summary>
/// Reads a <see cref="TrainingSet"/> (or formulas to predict) from a CSV table with the project's one CSV reader
/// (<see cref="CsvRows"/>). Every problem — a missing file or column, an unparsable formula, a target that is not a number
/// or yes/no — is a <see cref="TableDataException"/> naming the file, line and value. Thread-safe.
/// </summary>
public static class TrainingTable
{
    private static readonly string[] Yes = ["yes", "true", "1"];
    private static readonly string[] No = ["no", "false", "0"];

    /// <summary>Reads the rows of <paramref name="request"/>.</summary>
    public static TrainingSet Read(TableRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (header, rows) = ReadCsv(request.Path);
        var extras = request.ExtraInputs ?? [];
        var formulaIndex = Column(header, request.FormulaColumn, request.Path, "--formula-column");
        var targetIndex = Column(header, request.TargetColumn, request.Path, "--target");
        var extraIndices = extras.Select(c => Column(header, c, request.Path, "--inputs")).ToArray();
        var targets = rows.Select(r => r.Fields[targetIndex].Trim()).ToArray();
        var yesNo = targets.All(t => IsYesNo(t) || t.Length == 0) && targets.Any(t => !IsBinaryDigit(t) && t.Length > 0);
        var task = request.Task ?? (yesNo || request.PositiveWhen is not null ? PropertyTask.Classification : PropertyTask.Regression);
        var rule = request.PositiveWhen is { } text ? Rule(text) : null;
        if (task == PropertyTask.Regression && rule is not null)
        {
            throw new TableDataException("--positive-when makes a yes/no target; it does not go with --task regress");
        }

        if (task == PropertyTask.Classification && rule is null && !targets.All(t => IsYesNo(t) || t.Length == 0))
        {
            throw new TableDataException($"target column '{request.TargetColumn}' of {request.Path} is numeric; classification needs --positive-when (e.g. \"<= 0\") or a yes/no/true/false/0/1 column");
        }

        var formulas = new List<string>(rows.Count);
        var compositions = new List<Composition>(rows.Count);
        var inputs = new List<double[]>(rows.Count);
        var values = new List<double>(rows.Count);
        foreach (var (line, fields) in rows)
        {
            var formula = fields[formulaIndex].Trim();
            compositions.Add(ParseFormula(formula, request.Path, line));
            formulas.Add(formula);
            inputs.Add([.. extraIndices.Select((c, k) => Number(fields[c], extras[k], request.Path, line))]);
            values.Add(Target(fields[targetIndex].Trim(), request.TargetColumn, task, rule, request.Path, line));
        }

        if (task == PropertyTask.Classification && values.Distinct().Count() < 2)
        {
            throw new TableDataException($"target column '{request.TargetColumn}' of {request.Path} has only one class; classification needs both yes and no rows");
        }

        var positive = task == PropertyTask.Regression ? string.Empty : rule?.ToString() ?? "yes/no";
        return new TrainingSet(request.Name ?? request.TargetColumn, request.TargetColumn, task, positive, formulas, compositions, extras, inputs, values);
    }

    /// <summary>Reads the formulas (and extra inputs) of a table to predict; rows keep the table's order.</summary>
    public static (IReadOnlyList<string> Formulas, IReadOnlyList<Composition> Compositions, IReadOnlyList<double[]> ExtraInputs) ReadFormulas(
        string path, string formulaColumn, IReadOnlyList<string> extraInputs)
    {
        ArgumentNullException.ThrowIfNull(extraInputs);
        var (header, rows) = ReadCsv(path);
        var formulaIndex = Column(header, formulaColumn, path, "--formula-column");
        var extraIndices = extraInputs.Select(c => Column(header, c, path, "the model's inputs")).ToArray();
        var formulas = rows.Select(r => r.Fields[formulaIndex].Trim()).ToArray();
        var compositions = rows.Select(r => ParseFormula(r.Fields[formulaIndex].Trim(), path, r.Line)).ToArray();
        var extras = rows.Select(r => extraIndices.Select((c, k) => Number(r.Fields[c], extraInputs[k], path, r.Line)).ToArray()).ToArray();
        return (formulas, compositions, extras);
    }

    /// <summary>Parses one formula; throws <see cref="TableDataException"/> naming it (and <paramref name="where"/>).</summary>
    public static Composition ParseFormula(string formula, string where, int line = 0)
    {
        if (ChemicalFormula.TryParse(formula, out var composition, out var error))
        {
            return composition;
        }

        var location = line > 0 ? $"{where} line {line}" : where;
        throw new TableDataException($"{location}: formula '{formula}' cannot be read: {error.Problem}");
    }

    private static (string[] Header, List<(int Line, string[] Fields)> Rows) ReadCsv(string path)
    {
        if (!File.Exists(path))
        {
            throw new TableDataException($"data file '{path}' does not exist");
        }

        try
        {
            var (header, rows) = CsvRows.Read(path);
            return rows.Count > 0 ? (header, rows) : throw new TableDataException($"{path} has a header but no data rows");
        }
        catch (InvalidDataException ex)
        {
            throw new TableDataException($"{path}: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new TableDataException($"cannot read {path}: {ex.Message}", ex);
        }
    }

    private static int Column(string[] header, string column, string path, string option)
    {
        var index = Array.IndexOf(header, column);
        return index >= 0
            ? index
            : throw new TableDataException($"{option}: column '{column}' is not in {path} (columns: {string.Join(", ", header)})");
    }

    private static PositiveRule Rule(string text)
    {
        try
        {
            return PositiveRule.Parse(text);
        }
        catch (ArgumentException ex)
        {
            throw new TableDataException($"--positive-when: {ex.Message}", ex);
        }
    }

    private static double Target(string text, string column, PropertyTask task, PositiveRule? rule, string path, int line)
    {
        if (task == PropertyTask.Classification && rule is null)
        {
            return Yes.Contains(text, StringComparer.OrdinalIgnoreCase) ? 1
                : No.Contains(text, StringComparer.OrdinalIgnoreCase) ? 0
                : throw new TableDataException($"{path} line {line}: target '{column}' is '{text}'; expected yes/no/true/false/0/1");
        }

        var value = Number(text, column, path, line);
        return rule is null ? value : rule.IsPositive(value) ? 1 : 0;
    }

    private static double Number(string text, string column, string path, int line) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new TableDataException($"{path} line {line}: column '{column}' is '{text.Trim()}', not a number");

    private static bool IsYesNo(string text) =>
        Yes.Contains(text, StringComparer.OrdinalIgnoreCase) || No.Contains(text, StringComparer.OrdinalIgnoreCase);

    private static bool IsBinaryDigit(string text) => text is "0" or "1";
}
