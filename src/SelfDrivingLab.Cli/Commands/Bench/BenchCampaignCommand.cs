using System.CommandLine;
using SelfDrivingLab.Benchmarks.Data;
using SelfDrivingLab.Benchmarks.Protocol;
using SelfDrivingLab.Benchmarks.Reports;

namespace SelfDrivingLab.Cli.Commands.Bench;

/// <summary>
/// <c>sdl bench campaign</c>: the pool-based benchmark of Liang et al. 2021 on a CSV table — per strategy the experiments
/// to the first top-1%/top-5% candidate, the Top% curve and the acceleration factor at Top% = 0.8.
/// </summary>
internal static class BenchCampaignCommand
{
    public static Command Create(CliConsole console)
    {
        var data = new Option<FileInfo>("--data") { Description = "CSV table: one row per measurement; replicate rows are averaged.", Required = true };
        var target = new Option<string>("--target") { Description = "The measured column.", Required = true };
        var goal = new Option<string>("--goal") { Description = "max, min or target:<value> (closest is best).", Required = true };
        var inputs = new Option<string?>("--inputs") { Description = "Comma-separated input columns (default: every numeric column but the target)." };
        var formula = new Option<string?>("--formula-column") { Description = "A column of chemical formulas, featurized with Magpie composition features." };
        var strategy = new Option<string>("--strategy") { Description = "Comma-separated strategies: random, gp-ei, gp-ucb, gp-pi, ridge-ei, ridge-ucb, ridge-pi.", Required = true };
        var seeds = new Option<int>("--seeds") { Description = "Seeded campaigns per strategy.", Required = true };
        var budget = new Option<int>("--budget") { Description = "Experiments per campaign, including the initial ones (capped at the pool size).", Required = true };
        var initial = new Option<int>("--initial") { Description = "Random experiments before the strategy takes over.", Required = true };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the results as JSON to this file." };
        var command = new Command("campaign", "Benchmark strategies on a pool of measured candidates (Liang et al. 2021 protocol).")
        {
            data, target, goal, inputs, formula, strategy, seeds, budget, initial, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new CampaignBenchRequest(
                parse.GetValue(data)!,
                parse.GetValue(target)!,
                parse.GetValue(goal)!,
                parse.GetValue(inputs),
                parse.GetValue(formula),
                parse.GetValue(strategy)!,
                parse.GetValue(seeds),
                parse.GetValue(budget),
                parse.GetValue(initial),
                parse.GetValue(json));
            return await RunAsync(request, console, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(CampaignBenchRequest request, CliConsole console, CancellationToken cancellationToken)
    {
        BenchmarkDataset dataset;
        SelfDrivingLab.Optimization.Objectives.Objective objective;
        IReadOnlyList<BenchmarkStrategy> strategies;
        BenchmarkSettings settings;
        try
        {
            var inputNames = request.Inputs?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            dataset = BenchmarkDataset.Load(request.Data.FullName, request.Target, inputNames, request.FormulaColumn);
            objective = BenchmarkGoal.Parse(request.Goal, dataset.TargetName);
            strategies = BenchmarkStrategy.ParseList(request.Strategies);
            settings = new BenchmarkSettings { Seeds = request.Seeds, Budget = request.Budget, Initial = request.Initial };
            settings.Validate();
            if (dataset.CandidateCount <= settings.Initial)
            {
                throw new ArgumentException($"The pool has {dataset.CandidateCount} distinct candidates ({dataset}); it needs more than --initial {settings.Initial}.");
            }
        }
        catch (Exception ex) when (ex is BenchmarkDataException or ArgumentException)
        {
            await console.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var progress = new ProgressBar(console.Error);
        var report = await Task.Run(() => BenchmarkRunner.Run(dataset, objective, strategies, settings, progress.Update, cancellationToken), cancellationToken).ConfigureAwait(false);
        progress.Finish();
        BenchReportPrinter.Print(console.Out, report, request.Data.Name, request.Goal);
        if (request.Json is { } file)
        {
            await File.WriteAllTextAsync(file.FullName, ReportJson.Serialize(report), cancellationToken).ConfigureAwait(false);
            await console.Out.WriteLineAsync($"JSON written to {file.FullName}").ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }

    private sealed record CampaignBenchRequest(
        FileInfo Data, string Target, string Goal, string? Inputs, string? FormulaColumn, string Strategies, int Seeds, int Budget, int Initial, FileInfo? Json);
}
