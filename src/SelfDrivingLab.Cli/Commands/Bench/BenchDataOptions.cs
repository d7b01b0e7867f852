using System.CommandLine;
using SelfDrivingLab.Benchmarks.Data;

namespace SelfDrivingLab.Cli.Commands.Bench;

/// <summary>The options that name a benchmark table (<c>--data</c>, <c>--target</c>, <c>--inputs</c>, <c>--formula-column</c>), shared by the bench commands that read one.</summary>
internal sealed class BenchDataOptions
{
    public Option<FileInfo> Data { get; } = new("--data") { Description = "CSV table: one row per measurement; rows with the same inputs are replicates (averaged into one candidate).", Required = true };

    public Option<string> Target { get; } = new("--target") { Description = "The measured column.", Required = true };

    public Option<string?> Inputs { get; } = new("--inputs") { Description = "Comma-separated input columns (default: every column but the target; text columns one-hot)." };

    public Option<string?> FormulaColumn { get; } = new("--formula-column") { Description = "A column of chemical formulas, featurized with Magpie composition features." };

    /// <summary>Puts the four options first among <paramref name="command"/>'s options.</summary>
    public void AddTo(Command command)
    {
        Option[] first = [Data, Target, Inputs, FormulaColumn];
        for (var i = 0; i < first.Length; i++)
        {
            command.Options.Insert(i, first[i]);
        }
    }

    /// <summary>The table the parsed options name; throws <see cref="BenchmarkDataException"/> for a bad table.</summary>
    public BenchmarkDataset Load(ParseResult parse)
    {
        var inputNames = parse.GetValue(Inputs)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return BenchmarkDataset.Load(parse.GetValue(Data)!.FullName, parse.GetValue(Target)!, inputNames, parse.GetValue(FormulaColumn));
    }
}
