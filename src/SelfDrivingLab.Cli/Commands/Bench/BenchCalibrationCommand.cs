using System.CommandLine;
using System.Globalization;
using SelfDrivingLab.Benchmarks.Calibration;
using SelfDrivingLab.Benchmarks.Data;
using SelfDrivingLab.Benchmarks.Protocol;

namespace SelfDrivingLab.Cli.Commands.Bench;

/// <summary>
/// <c>sdl bench calibration</c>: does the central 90 % predictive interval of a measurement cover 90 % of held-out
/// measurements (k-fold over the candidates, replicate noise included)?
/// </summary>
internal static class BenchCalibrationCommand
{
    public static Command Create(CliConsole console)
    {
        var data = new Option<FileInfo>("--data") { Description = "CSV table: one row per measurement; rows with the same inputs are replicates.", Required = true };
        var target = new Option<string>("--target") { Description = "The measured column.", Required = true };
        var inputs = new Option<string?>("--inputs") { Description = "Comma-separated input columns (default: every column but the target; text columns one-hot)." };
        var formula = new Option<string?>("--formula-column") { Description = "A column of chemical formulas, featurized with Magpie composition features." };
        var strategy = new Option<string>("--strategy") { Description = "Whose surrogate to fit (as in bench campaign).", DefaultValueFactory = _ => BenchmarkStrategy.DefaultName };
        var defaults = new CalibrationSettings();
        var folds = new Option<int>("--folds") { Description = "Folds of the candidates; each is held out once.", DefaultValueFactory = _ => defaults.Folds };
        var train = new Option<int>("--train") { Description = "Most training candidates per fit (each contributes one random replicate).", DefaultValueFactory = _ => defaults.MaxTraining };
        var repeats = new Option<int>("--repeats") { Description = "Repeats of the k-fold split.", DefaultValueFactory = _ => defaults.Repeats };
        var seed = new Option<int>("--seed") { Description = "Seed of the splits and replicate choices.", DefaultValueFactory = _ => defaults.Seed };
        var command = new Command("calibration", "Coverage of the surrogate's central 90 % predictive interval of a measurement on held-out candidates and replicates.")
        {
            data, target, inputs, formula, strategy, folds, train, repeats, seed,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            BenchmarkDataset dataset;
            BenchmarkStrategy parsed;
            CalibrationSettings settings;
            try
            {
                var inputNames = parse.GetValue(inputs)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                dataset = BenchmarkDataset.Load(parse.GetValue(data)!.FullName, parse.GetValue(target)!, inputNames, parse.GetValue(formula));
                parsed = BenchmarkStrategy.Parse(parse.GetValue(strategy)!);
                settings = new CalibrationSettings { Folds = parse.GetValue(folds), MaxTraining = parse.GetValue(train), Repeats = parse.GetValue(repeats), Seed = parse.GetValue(seed) };
                settings.Validate();
            }
            catch (Exception ex) when (ex is BenchmarkDataException or ArgumentException)
            {
                await console.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            var report = await Task.Run(() => CalibrationRunner.Run(dataset, parsed, settings, cancellationToken), cancellationToken).ConfigureAwait(false);
            Print(console.Out, report, parse.GetValue(data)!.Name, parsed);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Print(TextWriter output, CalibrationReport report, string source, BenchmarkStrategy strategy)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine($"{source}: {report.Dataset}");
        output.WriteLine(string.Create(c, $"{report.Strategy}: {BenchReportPrinter.Describe(strategy.Settings)}; {report.Fits} fits, median {report.MedianTraining:0} training candidates (one replicate each)"));
        output.WriteLine(string.Create(c, $"  central {report.Level:P0} interval of a measurement covers:"));
        output.WriteLine(string.Create(c, $"    held-out candidates:              {report.HeldOut.Fraction:P1} of {report.HeldOut.Tests} measurements"));
        if (report.Replicates is { } replicates)
        {
            output.WriteLine(string.Create(c, $"    other replicates of the training: {replicates.Fraction:P1} of {replicates.Tests} measurements"));
        }

        var table = report.PooledReplicateStandardDeviation is { } pooled
            ? string.Create(c, $"; replicate sd in the table: pooled {pooled:G3}, median {report.MedianReplicateStandardDeviation:G3}")
            : "; the table has no replicates";
        output.WriteLine(string.Create(c, $"  fitted noise sd: median {report.MedianNoiseStandardDeviation:G3}{table}"));
    }
}
