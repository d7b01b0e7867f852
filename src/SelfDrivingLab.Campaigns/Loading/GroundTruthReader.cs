using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Text;

namespace SelfDrivingLab.Campaigns.Loading;

/// <summary>Reads a characterization simulator's <c>ground_truth</c>: a CSV table or a named test function.</summary>
internal static class GroundTruthReader
{
    /// <summary>Analytic functions and their dimension (null: any).</summary>
    private static readonly (string Name, int? Dimensions)[] Functions =
    [
        ("branin", 2),
        ("hartmann3", 3),
        ("hartmann6", 6),
        ("ackley", null),
        ("sphere", null),
        ("perovskite_band_gap", 2),
    ];

    /// <summary>How a table row is found: <c>nearest</c> numeric inputs (default) or an <c>exact</c> text key.</summary>
    private static readonly (string, bool)[] Matches = [("nearest", false), ("exact", true)];

    /// <summary>
    /// The ground truth, or null when it has errors. With <paramref name="textOutput"/> (an XRD's
    /// phase labels) only a table is allowed, its output column holds text, and there is no noise.
    /// </summary>
    public static GroundTruthDefinition? Read(YamlMap map, string baseDirectory, bool textOutput = false)
    {
        map.CheckKeys("table", "function", "inputs", "output", "replicates", "noise_sd", "match");

        var inputs = map.StringList("inputs", required: true);
        if (inputs is { Count: 0 })
        {
            map.Error("inputs", "needs at least one input");
            inputs = null;
        }

        var exact = map.Choice("match", "match", Matches);
        if (exact is true && (textOutput || map.Has("function") || inputs is not { Count: 1 }))
        {
            map.Error("match", "'match: exact' needs a 'table' with exactly one input column of text keys (e.g. a formula) and a numeric output");
            return null;
        }

        var output = map.String("output", required: true);
        var noise = map.Number("noise_sd", min: 0);
        var replicates = map.Boolean("replicates");
        var noiseOk = noise is not null || !map.Has("noise_sd");
        var (table, function) = (map.String("table"), map.String("function"));

        if (table is not null && function is not null)
        {
            map.Error("function", "give either 'table' or 'function', not both");
            return null;
        }

        if (table is null && function is null)
        {
            map.Error("table", $"needs 'table' (a CSV file) or 'function' ({string.Join(", ", Functions.Select(f => f.Name))})");
            return null;
        }

        if (textOutput && (function is not null || map.Has("noise_sd")))
        {
            var key = function is not null ? "function" : "noise_sd";
            map.Error(key, $"a phase label comes from a 'table' whose output column holds text; '{key}' does not apply");
            return null;
        }

        if (function is not null)
        {
            if (map.Has("replicates"))
            {
                map.Error("replicates", "'replicates' applies only to a table");
            }

            return ReadFunction(map, function, inputs, output, noise, noiseOk);
        }

        var fullPath = Path.GetFullPath(Path.Combine(baseDirectory, table!));
        if (!CheckTable(map, table!, fullPath, inputs, output) || inputs is null || output is null || !noiseOk)
        {
            return null;
        }

        return new TableGroundTruthDefinition(fullPath, inputs, output, noise ?? 0, replicates ?? true) { TextOutput = textOutput, ExactTextMatch = exact ?? false };
    }

    private static AnalyticGroundTruthDefinition? ReadFunction(YamlMap map, string function, IReadOnlyList<string>? inputs, string? output, double? noise, bool noiseOk)
    {
        var known = Functions.FirstOrDefault(f => f.Name == function);
        if (known.Name is null)
        {
            var names = Functions.Select(f => f.Name).ToList();
            map.Error("function", $"'{function}' is not a known function; use {string.Join(", ", names)}{NameSuggestion.DidYouMean(function, names)}");
            return null;
        }

        if (known.Dimensions is { } dimensions && inputs is not null && inputs.Count != dimensions)
        {
            map.Error("inputs", $"{function} takes {dimensions} inputs (got {inputs.Count})");
            return null;
        }

        return inputs is null || output is null || !noiseOk ? null : new AnalyticGroundTruthDefinition(function, inputs, output, noise ?? 0);
    }

    /// <summary>Checks the table exists and its header names every input and the output; reads only the header line.</summary>
    private static bool CheckTable(YamlMap map, string table, string fullPath, IReadOnlyList<string>? inputs, string? output)
    {
        if (!File.Exists(fullPath))
        {
            map.Error("table", $"file '{table}' does not exist (looked for {fullPath})");
            return false;
        }

        string? header;
        try
        {
            // detectEncodingFromByteOrderMarks drops a UTF-8 BOM that spreadsheet exports often add.
            using var reader = new StreamReader(fullPath, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            header = reader.ReadLine();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            map.Error("table", $"cannot read '{table}': {ex.Message}");
            return false;
        }

        var columns = (header ?? string.Empty).Split(',').Select(c => c.Trim().Trim('"')).ToList();
        var ok = true;
        foreach (var (key, names) in new[] { ("inputs", inputs ?? []), ("output", output is null ? [] : new[] { output }) })
        {
            foreach (var name in names.Where(n => !columns.Contains(n)))
            {
                map.Error(key, $"column '{name}' is not in the header of '{table}' (columns: {string.Join(", ", columns)}){NameSuggestion.DidYouMean(name, columns)}");
                ok = false;
            }
        }

        return ok;
    }
}
