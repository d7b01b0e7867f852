using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SelfDrivingLab.PropertyModels;
using SelfDrivingLab.PropertyModels.Evaluation;

namespace SelfDrivingLab.Cli.Commands.Models;

/// <summary><c>sdl model cv</c>: k-fold cross-validation of a property model on a table (the Matbench protocol).</summary>
internal static class ModelCvCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create(CliConsole console)
    {
        var table = new ModelTableOptions();
        var folds = new Option<int>("--folds") { Description = "Number of folds.", DefaultValueFactory = _ => 5 };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the scores as JSON to this file." };
        var command = new Command("cv", "Cross-validate a property model: shuffled, seeded k-fold; MAE, RMSE, R² or ROC-AUC and accuracy per fold and mean.");
        table.AddTo(command);
        command.Options.Add(folds);
        command.Options.Add(json);
        command.SetAction((parse, cancellationToken) => Task.Run(
            () => ModelErrors.Run(console, () => Run(parse, table, parse.GetValue(folds), parse.GetValue(json), console, cancellationToken)), cancellationToken));
        return command;
    }

    private static int Run(ParseResult parse, ModelTableOptions table, int folds, FileInfo? json, CliConsole console, CancellationToken cancellationToken)
    {
        if (json is not null && !OutputPaths.CheckFile(json, "--json", console))
        {
            return ExitCodes.BadInput;
        }

        var settings = table.Settings(parse);
        var data = table.Read(parse);
        CrossValidation.Folds(data.Count, folds, settings.Seed);
        console.Out.WriteLine($"{data.Count} rows, {ModelKinds.Name(settings.Kind)}, {(data.Task == PropertyTask.Regression ? "regression" : $"classification (yes: {data.PositiveRule})")}, {folds} folds, seed {settings.Seed}");
        var report = CrossValidation.Run(data, settings, folds, fold => console.Out.WriteLine($"fold {fold.Fold + 1}: {Format(fold.Scores)} ({fold.TestRows} rows)"), cancellationToken);
        console.Out.WriteLine($"mean:   {Format(report.Mean)}");
        if (report.Hurdle is { } mass)
        {
            console.Out.WriteLine($"hurdle model: a classifier for '{data.Target} != {mass.ToString("G", CultureInfo.InvariantCulture)}' times a regressor on those rows");
        }

        if (json is not null)
        {
            File.WriteAllText(json.FullName, Serialize(report));
            console.Out.WriteLine($"JSON written to {json.FullName}");
        }

        return ExitCodes.Ok;
    }

    private static string Format(IReadOnlyDictionary<string, double> scores) =>
        string.Join("  ", scores.Select(s => $"{Label(s.Key)} {s.Value.ToString("F4", CultureInfo.InvariantCulture)}"));

    private static string Label(string metric) => metric switch
    {
        "mae" => "MAE",
        "rmse" => "RMSE",
        "r2" => "R²",
        "roc_auc" => "ROC-AUC",
        _ => metric,
    };

    private static string Serialize(CrossValidationReport report)
    {
        var body = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (metric, value) in report.Mean)
        {
            body[metric] = value;
        }

        body["kind"] = ModelKinds.Name(report.Kind);
        body["rows"] = report.Rows;
        body["seed"] = report.Seed;
        body["folds"] = report.Folds.Select(f => new Dictionary<string, object>(f.Scores.Select(s => KeyValuePair.Create(s.Key, (object)s.Value)), StringComparer.Ordinal)
        {
            ["fold"] = f.Fold,
            ["rows"] = f.TestRows,
        }).ToArray();
        if (report.Hurdle is { } mass)
        {
            body["hurdle"] = mass;
        }

        return JsonSerializer.Serialize(body, Indented);
    }
}
