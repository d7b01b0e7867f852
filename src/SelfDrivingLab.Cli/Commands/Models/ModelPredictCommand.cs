using System.CommandLine;
using System.Globalization;
using SelfDrivingLab.Core.Data;
using SelfDrivingLab.Ledger;
using SelfDrivingLab.Materials.Formulas;
using SelfDrivingLab.PropertyModels;
using SelfDrivingLab.PropertyModels.Data;
using SelfDrivingLab.PropertyModels.Persistence;

namespace SelfDrivingLab.Cli.Commands.Models;

/// <summary><c>sdl model predict</c>: predictions ± uncertainty (or class probabilities) of a saved model for formulas or a table.</summary>
internal static class ModelPredictCommand
{
    public static Command Create(CliConsole console)
    {
        var modelFile = new Option<FileInfo>("--model") { Description = "A model file written by 'sdl model train'.", Required = true };
        var formulas = new Option<string?>("--formulas") { Description = "Comma-separated formulas, e.g. \"Fe2O3,NaCl\"." };
        var data = new Option<FileInfo?>("--data") { Description = "A CSV table of formulas to predict (with --formula-column)." };
        var formulaColumn = new Option<string?>("--formula-column") { Description = "The formula column of --data." };
        var output = new Option<FileInfo?>("--out") { Description = "Write the predictions as CSV to this file (default: print them); with --data, the table with two columns added, 'predicted <name>' and 'predicted <name>_uncertainty'." };
        var command = new Command("predict", "Predict a property for formulas with a saved model.") { modelFile, formulas, data, formulaColumn, output };
        command.SetAction((parse, cancellationToken) => Task.Run(
            () => ModelErrors.Run(console, () => Run(
                parse.GetValue(modelFile)!, parse.GetValue(formulas), parse.GetValue(data), parse.GetValue(formulaColumn), parse.GetValue(output), console)),
            cancellationToken));
        return command;
    }

    /// <summary>The CSV column names of a model's prediction and uncertainty (<c>gap</c>, <c>gap_uncertainty</c> or <c>P(metal)</c>, <c>P(metal)_uncertainty</c>).</summary>
    public static (string Value, string Uncertainty) Columns(PropertyModelInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var value = info.Task == PropertyTask.Classification ? $"P({info.Name})" : info.Name;
        return (value, value + "_uncertainty");
    }

    private static int Run(FileInfo modelFile, string? formulas, FileInfo? data, string? formulaColumn, FileInfo? output, CliConsole console)
    {
        if ((formulas is null) == (data is null) || (data is null) != (formulaColumn is null))
        {
            throw new ArgumentException("give either --formulas or both --data and --formula-column");
        }

        if (output is not null && !OutputPaths.CheckFile(output, "--out", console))
        {
            return ExitCodes.BadInput;
        }

        var model = ModelFile.Load(modelFile.FullName);
        IReadOnlyList<string> texts;
        IReadOnlyList<Composition> compositions;
        IReadOnlyList<double[]>? extras = null;
        if (formulas is not null)
        {
            if (model.Info.ExtraInputs.Count > 0)
            {
                throw new ArgumentException($"the model also needs the inputs {string.Join(", ", model.Info.ExtraInputs)}; give them in a table with --data");
            }

            texts = formulas.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            compositions = [.. texts.Select(t => TrainingTable.ParseFormula(t, "--formulas"))];
        }
        else
        {
            (texts, compositions, extras) = TrainingTable.ReadFormulas(data!.FullName, formulaColumn!, model.Info.ExtraInputs);
        }

        var predictions = model.Predict(compositions, extras);
        var (valueColumn, uncertaintyColumn) = Columns(model.Info);
        if (output is null)
        {
            for (var i = 0; i < texts.Count; i++)
            {
                console.Out.WriteLine($"{texts[i]}: {valueColumn} = {Number(predictions[i].Value)} ± {Number(predictions[i].Uncertainty)}");
            }

            return ExitCodes.Ok;
        }

        using var writer = new StreamWriter(output.FullName);
        if (data is not null)
        {
            // The whole table, each row with its prediction: a campaign's pool (or a benchmark) can use it as an input.
            var (header, rows) = CsvRows.Read(data.FullName);
            writer.WriteLine(string.Join(',', header.Append($"predicted {valueColumn}").Append($"predicted {uncertaintyColumn}").Select(LedgerCsvExporter.Quote)));
            for (var i = 0; i < rows.Count; i++)
            {
                writer.WriteLine($"{string.Join(',', rows[i].Fields.Select(LedgerCsvExporter.Quote))},{Number(predictions[i].Value)},{Number(predictions[i].Uncertainty)}");
            }
        }
        else
        {
            writer.WriteLine(string.Join(',', new[] { "formula", valueColumn, uncertaintyColumn }.Select(LedgerCsvExporter.Quote)));
            for (var i = 0; i < texts.Count; i++)
            {
                writer.WriteLine($"{LedgerCsvExporter.Quote(texts[i])},{Number(predictions[i].Value)},{Number(predictions[i].Uncertainty)}");
            }
        }

        console.Out.WriteLine($"{texts.Count} predictions written to {output.FullName}");
        return ExitCodes.Ok;
    }

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
