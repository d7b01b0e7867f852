using System.Globalization;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Data;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Space;

namespace SelfDrivingLab.Campaigns.Loading;

/// <summary>
/// Reads <c>prior</c>: <c>{ table: earlier.csv, outside: error | ignore }</c> (or just the table's path), a CSV table of
/// earlier measurements — a column per parameter and per measured output. Parameter columns are typed by the space
/// (text for a categorical or formula parameter, numbers otherwise); every other column is an output, read as a number
/// when it is one and kept as text otherwise. A number that is not finite (NaN, infinity) is refused here, naming its
/// line and column; whether the rows fit the space and give every objective is the validator's question
/// (<see cref="PriorDataCheck"/>).
/// </summary>
internal static class PriorReader
{
    private static readonly (string, PriorOutsidePolicy)[] Policies =
    [
        ("error", PriorOutsidePolicy.Error),
        ("ignore", PriorOutsidePolicy.Ignore),
    ];

    public static PriorDataDefinition? Read(YamlMap root, string baseDirectory, SearchSpace? space, CandidatePoolDefinition? pool)
    {
        if (!root.Has("prior"))
        {
            return null;
        }

        string? table;
        var outside = PriorOutsidePolicy.Error;
        YamlMap at;
        if (root.Get("prior") is YamlDotNet.RepresentationModel.YamlScalarNode)
        {
            table = root.String("prior");
            at = root;
        }
        else if (root.Map("prior") is { } map)
        {
            map.CheckKeys("table", "outside");
            table = map.String("table", required: true);
            outside = map.Choice("outside", "policy for rows outside the space", Policies) ?? outside;
            at = map;
        }
        else
        {
            return null;
        }

        var key = ReferenceEquals(at, root) ? "prior" : "table";
        if (table is null)
        {
            return null;
        }

        var fullPath = Path.GetFullPath(Path.Combine(baseDirectory, table));
        if (!File.Exists(fullPath))
        {
            at.Error(key, $"file '{table}' does not exist (looked for {fullPath})");
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
            at.Error(key, $"'{table}' {ex.Message}");
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            at.Error(key, $"cannot read '{table}': {ex.Message}");
            return null;
        }

        if (header.Distinct(StringComparer.Ordinal).Count() != header.Length)
        {
            at.Error(key, $"'{table}' names a column twice (columns: {string.Join(", ", header)})");
            return null;
        }

        var textParameters = TextParameters(space, pool);
        var numericParameters = pool is not null
            ? pool.Inputs.ToHashSet(StringComparer.Ordinal)
            : space?.Parameters.Where(p => p is not CategoricalParameter).Select(p => p.Name).ToHashSet(StringComparer.Ordinal) ?? [];
        var before = at.Errors.Count;
        var result = new List<PriorRow>(rows.Count);
        foreach (var (line, fields) in rows)
        {
            var parameters = new List<KeyValuePair<string, ParameterValue>>();
            var outputs = new List<KeyValuePair<string, ParameterValue>>();
            for (var j = 0; j < header.Length; j++)
            {
                var text = fields[j].Trim();
                if (textParameters.Contains(header[j]))
                {
                    parameters.Add(new(header[j], text));
                    continue;
                }

                var isParameter = numericParameters.Contains(header[j]);
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    if (!double.IsFinite(number))
                    {
                        at.Error(key, $"'{table}' line {line}, column '{header[j]}': '{text}' is not a finite number; remove the row or give a measured value");
                        continue;
                    }

                    (isParameter ? parameters : outputs).Add(new(header[j], number));
                }
                else if (isParameter || text.Length > 0)
                {
                    // A parameter that is not a number is reported by the validator, naming the parameter; an empty output is no output.
                    (isParameter ? parameters : outputs).Add(new(header[j], text));
                }
            }

            result.Add(new PriorRow(line, new ParameterSet(parameters), new ParameterSet(outputs)));
        }

        return at.Errors.Count == before ? new PriorDataDefinition(fullPath, result) { Outside = outside } : null;
    }

    private static HashSet<string> TextParameters(SearchSpace? space, CandidatePoolDefinition? pool) =>
        pool is not null
            ? pool.FormulaColumn is { } formula ? [formula] : []
            : space?.Parameters.OfType<CategoricalParameter>().Select(p => p.Name).ToHashSet(StringComparer.Ordinal) ?? [];
}
