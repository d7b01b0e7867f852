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
        var table = new BenchDataOptions();
        var strategy = new Option<string>("--strategy") { Description = "Whose surrogate to fit (as in bench campaign).", DefaultValueFactory = _ => BenchmarkStrategy.DefaultName };
        var defaults = new CalibrationSettings();
        var folds = new Option<int>("--folds") { Description = "Folds of the candidates; each is held out once.", DefaultValueFactory = _ => defaults.Folds };
        var train = new Option<int>("--train") { Description = "Most training candidates per fit (each contributes one random replicate).", DefaultValueFactory = _ => defaults.MaxTraining };
        var repeats = new Option<int>("--repeats") { Description = "Repeats of the k-fold split.", DefaultValueFactory = _ => defaults.Repeats };
        var seed = new Option<int>("--seed") { Description = "Seed of the splits and replicate choices.", DefaultValueFactory = _ => defaults.Seed };
        var command = new Command("calibration", "Coverage of the surrogate's central 90 % predictive interval of a measurement on held-out candidates and replicates.")
        {
            strategy, folds, train, repeats, seed,
        };
        table.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            BenchmarkDataset dataset;
            BenchmarkStrategy parsed;
            CalibrationSettings settings;
            try
            {
                dataset = table.Load(parse);
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
            Print(console.Out, report, parse.GetValue(table.Data)!.Name, parsed);
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
