using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SelfDrivingLab.Cli.Commands.Models;
using SelfDrivingLab.Ledger;
using SelfDrivingLab.PropertyModels;
using SelfDrivingLab.PropertyModels.Persistence;
using SelfDrivingLab.PropertyModels.Screening;

namespace SelfDrivingLab.Cli.Commands;

/// <summary>
/// <c>sdl screen</c>: enumerates the compositions of a chemical system, predicts them with saved property models, keeps
/// those meeting the <c>--where</c> conditions and writes them, ranked, as a pool file a campaign's <c>pool:</c> reads
/// (<c>formula_column: formula</c>).
/// </summary>
internal static class ScreenCommand
{
    public static Command Create(CliConsole console)
    {
        var elements = new Option<string>("--elements") { Description = "Comma-separated elements of the chemical system, e.g. Li,Fe,P,O.", Required = true };
        var maxAtoms = new Option<int?>("--max-atoms") { Description = "Every formula with at most this many atoms per formula unit (subsystems included)." };
        var grid = new Option<double?>("--grid") { Description = "Every composition on an atomic-fraction grid of this step (e.g. 0.05)." };
        var neutral = new Option<bool>("--charge-neutral") { Description = "Keep only compositions that common oxidation states (pymatgen's table) can balance." };
        var models = new Option<FileInfo[]>("--model") { Description = "A model file from 'sdl model train'; repeat for several.", Required = true, AllowMultipleArgumentsPerToken = false };
        var where = new Option<string[]>("--where") { Description = "A condition, repeatable: \"gap between 1.1 and 1.6\", \"gap >= 1\", \"P(nonmetal) >= 0.8\"." };
        var output = new Option<FileInfo>("--out") { Description = "The pool CSV to write (columns: formula, each model's prediction and uncertainty, score).", Required = true };
        var top = new Option<int?>("--top") { Description = "Keep only the best K candidates." };
        var command = new Command("screen", "Screen a chemical system with property models and write a ranked candidate pool.")
        {
            elements, maxAtoms, grid, neutral, models, where, output, top,
        };
        command.SetAction((parse, cancellationToken) => Task.Run(
            () => ModelErrors.Run(console, () =>
            {
                var space = new CompositionSpace
                {
                    Elements = parse.GetValue(elements)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                    MaxAtoms = parse.GetValue(maxAtoms),
                    GridStep = parse.GetValue(grid),
                    ChargeNeutral = parse.GetValue(neutral),
                };
                return Run(space, parse.GetValue(models)!, parse.GetValue(where) ?? [], parse.GetValue(output)!, parse.GetValue(top), console);
            }),
            cancellationToken));
        return command;
    }

    private static int Run(CompositionSpace space, FileInfo[] modelFiles, string[] where, FileInfo output, int? top, CliConsole console)
    {
        space.Validate();
        if (top is < 1)
        {
            throw new ArgumentException($"--top must be at least 1 (got {top})");
        }

        var criteria = where.Select(ScreenCriterion.Parse).ToArray();
        var models = modelFiles.Select(f => ModelFile.Load(f.FullName)).ToArray();
        if (!OutputPaths.CheckFile(output, "--out", console))
        {
            return ExitCodes.BadInput;
        }

        var clock = Stopwatch.StartNew();
        var candidates = space.Enumerate().ToArray();
        var enumerated = clock.Elapsed;
        var result = Screener.Screen(candidates, models, criteria, top);
        var screened = clock.Elapsed;
        Write(output.FullName, models, result);
        var rate = candidates.Length / Math.Max(screened.TotalSeconds, 1e-9);
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{candidates.Length} compositions of {string.Join('-', space.Elements)}{(space.ChargeNeutral ? " (charge-neutral)" : string.Empty)} enumerated in {enumerated.TotalSeconds:F2} s, screened with {models.Length} model(s) in {screened.TotalSeconds:F2} s ({rate:F0} per second)"));
        console.Out.WriteLine($"{result.Passed} passed {(criteria.Length == 0 ? "(no --where)" : string.Join(" and ", criteria.Select(c => $"\"{c.Text}\"")))}; {result.Ranked.Count} written to {output.FullName}");
        return ExitCodes.Ok;
    }

    /// <summary>Writes the ranked pool: formula, each model's prediction and uncertainty, score (also used by <c>sdl discover</c>).</summary>
    internal static void Write(string path, IReadOnlyList<PropertyModel> models, ScreenResult result)
    {
        using var writer = new StreamWriter(path);
        var header = new List<string> { "formula" };
        foreach (var model in models)
        {
            var (value, uncertainty) = ModelPredictCommand.Columns(model.Info);
            header.Add(value);
            header.Add(uncertainty);
        }

        header.Add("score");
        writer.WriteLine(string.Join(',', header.Select(LedgerCsvExporter.Quote)));
        foreach (var candidate in result.Ranked)
        {
            var fields = new List<string> { LedgerCsvExporter.Quote(candidate.Composition.ToString()) };
            foreach (var prediction in candidate.Predictions)
            {
                fields.Add(prediction.Value.ToString("0.####", CultureInfo.InvariantCulture));
                fields.Add(prediction.Uncertainty.ToString("0.####", CultureInfo.InvariantCulture));
            }

            fields.Add(candidate.Score.ToString("0.####", CultureInfo.InvariantCulture));
            writer.WriteLine(string.Join(',', fields));
        }
    }
}
