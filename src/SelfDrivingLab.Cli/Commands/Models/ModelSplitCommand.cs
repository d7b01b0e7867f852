using System.CommandLine;
using SelfDrivingLab.Core.Data;
using SelfDrivingLab.Ledger;
using SelfDrivingLab.PropertyModels.Data;

namespace SelfDrivingLab.Cli.Commands.Models;

/// <summary>
/// <c>sdl model split</c>: writes a table's rows into two disjoint halves, by composition or by chemical system (seeded),
/// so a model trained on one is judged on the other.
/// </summary>
internal static class ModelSplitCommand
{
    public static Command Create(CliConsole console)
    {
        var data = new Option<FileInfo>("--data") { Description = "CSV table with a formula column.", Required = true };
        var formulaColumn = new Option<string>("--formula-column") { Description = "The column of chemical formulas.", Required = true };
        var by = new Option<string>("--by") { Description = "formula (default: one composition never in both halves) or system (one chemical system never in both).", DefaultValueFactory = _ => "formula" };
        var seed = new Option<int>("--seed") { Description = "Seed of the split.", DefaultValueFactory = _ => 0 };
        var first = new Option<FileInfo>("--out-a") { Description = "Where to write the first half.", Required = true };
        var second = new Option<FileInfo>("--out-b") { Description = "Where to write the second half.", Required = true };
        var command = new Command("split", "Split a composition table into two disjoint halves (by composition or chemical system).") { data, formulaColumn, by, seed, first, second };
        command.SetAction((parse, cancellationToken) => Task.Run(
            () => ModelErrors.Run(console, () => Run(parse.GetValue(data)!, parse.GetValue(formulaColumn)!, parse.GetValue(by)!, parse.GetValue(seed), parse.GetValue(first)!, parse.GetValue(second)!, console)),
            cancellationToken));
        return command;
    }

    private static int Run(FileInfo data, string formulaColumn, string by, int seed, FileInfo first, FileInfo second, CliConsole console)
    {
        var key = by.Trim().ToLowerInvariant() switch
        {
            "formula" => SplitKey.Formula,
            "system" => SplitKey.System,
            _ => throw new ArgumentException($"--by: '{by}' is not formula or system"),
        };
        if (!OutputPaths.CheckFile(first, "--out-a", console) || !OutputPaths.CheckFile(second, "--out-b", console))
        {
            return ExitCodes.BadInput;
        }

        var (header, rows) = CsvRows.Read(data.FullName);
        var column = Array.IndexOf(header, formulaColumn);
        if (column < 0)
        {
            throw new ArgumentException($"--formula-column: '{data.Name}' has no column '{formulaColumn}' (columns: {string.Join(", ", header)})");
        }

        using var a = new StreamWriter(first.FullName);
        using var b = new StreamWriter(second.FullName);
        var line = string.Join(',', header.Select(LedgerCsvExporter.Quote));
        a.WriteLine(line);
        b.WriteLine(line);
        var (inFirst, inSecond) = (0, 0);
        foreach (var (number, fields) in rows)
        {
            var composition = TrainingTable.ParseFormula(fields[column], data.Name, number);
            var text = string.Join(',', fields.Select(LedgerCsvExporter.Quote));
            if (TableSplit.InFirstHalf(composition, key, seed))
            {
                a.WriteLine(text);
                inFirst++;
            }
            else
            {
                b.WriteLine(text);
                inSecond++;
            }
        }

        console.Out.WriteLine($"{inFirst} rows to {first.FullName}, {inSecond} rows to {second.FullName} (by {key.ToString().ToLowerInvariant()}, seed {seed})");
        return ExitCodes.Ok;
    }
}
