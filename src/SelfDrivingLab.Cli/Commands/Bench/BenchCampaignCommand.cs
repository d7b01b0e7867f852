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
        var strategy = new Option<string>("--strategy") { Description = "Comma-separated strategies: random, gp-ei, gp-ucb (the default GP strategy), gp-pi, ridge-ei, ridge-ucb, ridge-pi; append :<value> to set ξ (ei, pi) or β (ucb) for one strategy, e.g. gp-ucb:2.", Required = true };
        var seeds = new Option<int>("--seeds") { Description = "Seeded campaigns per strategy.", Required = true };
        var budget = new Option<int>("--budget") { Description = "Experiments per campaign, including the initial ones (capped at the pool size).", Required = true };
        var initial = new Option<int>("--initial") { Description = "Random experiments before the strategy takes over.", Required = true };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the results as JSON to this file." };
        var defaults = new StrategyOptions();
        var restarts = new Option<int>("--restarts") { Description = "GP optimizer starts of the first fit of a campaign.", DefaultValueFactory = _ => defaults.Restarts };
        var warmRestarts = new Option<int>("--warm-restarts") { Description = "GP optimizer starts of later fits, the first being the previous fit.", DefaultValueFactory = _ => defaults.WarmRestarts };
        var refitEvery = new Option<int>("--refit-every") { Description = "Refit the surrogate's hyperparameters every n new measurements; in between the model is updated with fixed hyperparameters.", DefaultValueFactory = _ => 1 };
        var xi = new Option<double>("--xi") { Description = "EI/PI improvement margin in standard deviations of the measured scores; gp-ei:<xi> overrides it per strategy.", DefaultValueFactory = _ => defaults.Xi };
        var beta = new Option<double>("--beta") { Description = "UCB exploration weight β in μ + β·σ; gp-ucb:<beta> overrides it per strategy.", DefaultValueFactory = _ => defaults.Beta };
        var warping = new Option<ScoreWarping>("--warping") { Description = "Transform of the measured scores before the surrogate is fitted: None or Copula (rank → normal quantile).", DefaultValueFactory = _ => defaults.Warping };
        var command = new Command("campaign", "Benchmark strategies on a pool of measured candidates (Liang et al. 2021 protocol).")
        {
            data, target, goal, inputs, formula, strategy, seeds, budget, initial, json, restarts, warmRestarts, refitEvery, xi, beta, warping,
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
                parse.GetValue(json),
                new StrategyOptions { Restarts = parse.GetValue(restarts), WarmRestarts = parse.GetValue(warmRestarts), Xi = parse.GetValue(xi), Beta = parse.GetValue(beta), Warping = parse.GetValue(warping) },
                parse.GetValue(refitEvery));
            return await RunAsync(request, console, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(CampaignBenchRequest request, CliConsole console, CancellationToken cancellationToken)
    {
        if (request.Json is { } target && !OutputPaths.CheckFile(target, "--json", console))
        {
            return ExitCodes.BadInput;
        }

        BenchmarkDataset dataset;
        SelfDrivingLab.Optimization.Objectives.Objective objective;
        IReadOnlyList<BenchmarkStrategy> strategies;
        BenchmarkSettings settings;
        try
        {
            var inputNames = request.Inputs?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            dataset = BenchmarkDataset.Load(request.Data.FullName, request.Target, inputNames, request.FormulaColumn);
            objective = BenchmarkGoal.Parse(request.Goal, dataset.TargetName);
            strategies = BenchmarkStrategy.ParseList(request.Strategies, request.StrategyOptions);
            settings = new BenchmarkSettings { Seeds = request.Seeds, Budget = request.Budget, Initial = request.Initial, RefitEvery = request.RefitEvery };
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
        await console.Out.WriteLineAsync($"strategy options: {request.StrategyOptions}; refit every {request.RefitEvery}").ConfigureAwait(false);
        if (request.Json is { } file)
        {
            await File.WriteAllTextAsync(file.FullName, ReportJson.Serialize(report), cancellationToken).ConfigureAwait(false);
            await console.Out.WriteLineAsync($"JSON written to {file.FullName}").ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }

    private sealed record CampaignBenchRequest(
        FileInfo Data, string Target, string Goal, string? Inputs, string? FormulaColumn, string Strategies, int Seeds, int Budget, int Initial, FileInfo? Json,
        StrategyOptions StrategyOptions, int RefitEvery);
}
