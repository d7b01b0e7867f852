using System.CommandLine;
using SelfDrivingLab.Benchmarks.Data;
using SelfDrivingLab.Benchmarks.Protocol;
using SelfDrivingLab.Benchmarks.Reports;
using SelfDrivingLab.Optimization.Pools;
using SelfDrivingLab.PropertyModels.Data;

namespace SelfDrivingLab.Cli.Commands.Bench;

/// <summary>
/// <c>sdl bench campaign</c>: the pool-based benchmark of Liang et al. 2021 on a CSV table — per strategy the experiments
/// to the first top-1%/top-5% candidate, the Top% curve and the acceleration factor at Top% = 0.8.
/// </summary>
internal static class BenchCampaignCommand
{
    public static Command Create(CliConsole console)
    {
        var table = new BenchDataOptions();
        var goal = new Option<string>("--goal") { Description = "max, min or target:<value> (closest is best).", Required = true };
        var strategy = new Option<string>("--strategy")
        {
            Description = "Comma-separated strategies: default (what a campaign file without surrogate/acquisition gets), random, gp-ei, gp-ucb, gp-pi, gp-ts, ridge-ei, ridge-ucb, ridge-pi, rf-ei, rf-ucb; append :<value> to set ξ (ei, pi) or β (ucb), or :key=value (xi, beta, restarts, kernel), e.g. gp-ucb:2 or gp-ei:xi=0.",
            Required = true,
        };
        var seeds = new Option<int>("--seeds") { Description = "Seeded campaigns per strategy (campaign s uses seed s).", Required = true };
        var budget = new Option<int?>("--budget") { Description = "Experiments per campaign, including the initial ones (default and cap: the pool size)." };
        var initial = new Option<int>("--initial") { Description = "Seeded random experiments before the model takes over (the proposer's initial count).", Required = true };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the results as JSON to this file." };
        var restarts = new Option<int?>("--restarts") { Description = "GP optimizer restarts for every strategy (default: the strategy's own)." };
        var xi = new Option<double?>("--xi") { Description = "EI/PI improvement margin in standard deviations of the measured scores for every strategy; gp-ei:<xi> overrides it per strategy." };
        var beta = new Option<double?>("--beta") { Description = "UCB exploration weight β in μ + β·σ for every strategy; gp-ucb:<beta> overrides it per strategy." };
        var stopAtGoal = new Option<bool>("--stop-at-goal") { Description = "End each campaign once 80 % of the top-5 % set is found: the experiments to that point (and to the first top-5 % candidate) are exact, for less computation; the top-1 % figures and the Top% curve are then not measured." };
        var priorModel = new Option<FileInfo?>("--prior-model") { Description = "A model file ('sdl model train') that predicts the target of each candidate from its formula (needs --formula-column); what is known before the first experiment." };
        var priorAs = new Option<ModelPriorUse>("--prior-as") { Description = "mean: the model's prediction is the surrogate's prior mean (it learns the residual); feature: the prediction and its uncertainty are two more inputs.", DefaultValueFactory = _ => ModelPriorUse.Mean };
        var priorScale = new Option<PriorMeanScaling>("--prior-scale") { Description = "With --prior-as mean: fixed (y = m(x) + residual) or learned (y = s·m(x) + residual, s fitted to the measurements, shrunk towards 1).", DefaultValueFactory = _ => PriorMeanScaling.Fixed };
        var priorUncertainty = new Option<bool>("--prior-uncertainty") { Description = "With --prior-as mean: add the model's own uncertainty to the predictive variance (default true; --prior-uncertainty false: the residual model's variance alone).", DefaultValueFactory = _ => true };
        var command = new Command("campaign", "Benchmark proposal strategies on a pool of measured candidates (Liang et al. 2021 protocol).")
        {
            goal, strategy, seeds, budget, initial, json, restarts, xi, beta, stopAtGoal, priorModel, priorAs, priorScale, priorUncertainty,
        };
        table.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new CampaignBenchRequest(
                () => LoadTable(table, parse, parse.GetValue(priorModel), parse.GetValue(priorAs)),
                parse.GetValue(table.Data)!,
                parse.GetValue(goal)!,
                parse.GetValue(strategy)!,
                parse.GetValue(seeds),
                parse.GetValue(budget),
                parse.GetValue(initial),
                parse.GetValue(json),
                new StrategyOverrides(parse.GetValue(restarts), parse.GetValue(xi), parse.GetValue(beta)),
                parse.GetValue(stopAtGoal),
                parse.GetValue(priorScale),
                parse.GetValue(priorUncertainty));
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
            dataset = request.LoadTable();
            objective = BenchmarkGoal.Parse(request.Goal, dataset.TargetName);
            strategies = BenchmarkStrategy.ParseList(request.Strategies, request.Overrides);
            settings = new BenchmarkSettings
            {
                Seeds = request.Seeds,
                Budget = request.Budget ?? dataset.CandidateCount,
                Initial = request.Initial,
                StopAtGoal = request.StopAtGoal,
                PriorScaling = request.PriorScaling,
                AddPriorUncertainty = request.AddPriorUncertainty,
            };
            settings.Validate();
            if (dataset.CandidateCount <= settings.Initial)
            {
                throw new ArgumentException($"The pool has {dataset.CandidateCount} distinct candidates ({dataset}); it needs more than --initial {settings.Initial}.");
            }
        }
        catch (Exception ex) when (ex is BenchmarkDataException or ArgumentException or TableDataException)
        {
            await console.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var progress = new ProgressBar(console.Error);
        var report = await Task.Run(() => BenchmarkRunner.Run(dataset, objective, strategies, settings, progress.Update, cancellationToken), cancellationToken).ConfigureAwait(false);
        progress.Finish();
        BenchReportPrinter.Print(console.Out, report, request.Data.Name, request.Goal);
        foreach (var s in strategies)
        {
            await console.Out.WriteLineAsync($"{s.Name}: {BenchReportPrinter.Describe(s.Settings)}").ConfigureAwait(false);
        }

        if (request.Json is { } file)
        {
            await File.WriteAllTextAsync(file.FullName, ReportJson.Serialize(report), cancellationToken).ConfigureAwait(false);
            await console.Out.WriteLineAsync($"JSON written to {file.FullName}").ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }

    /// <summary>The table, with the prior model's prediction of each row when <paramref name="priorModel"/> is given.</summary>
    private static BenchmarkDataset LoadTable(BenchDataOptions table, ParseResult parse, FileInfo? priorModel, ModelPriorUse use)
    {
        if (priorModel is null)
        {
            return table.Load(parse);
        }

        var data = parse.GetValue(table.Data)!;
        var formulaColumn = parse.GetValue(table.FormulaColumn);
        var prior = ModelPriorLoader.Load(priorModel, data, formulaColumn, use);
        var inputNames = parse.GetValue(table.Inputs)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return BenchmarkDataset.Load(data.FullName, parse.GetValue(table.Target)!, inputNames, formulaColumn, prior);
    }

    private sealed record CampaignBenchRequest(
        Func<BenchmarkDataset> LoadTable, FileInfo Data, string Goal, string Strategies, int Seeds, int? Budget, int Initial, FileInfo? Json,
        StrategyOverrides Overrides, bool StopAtGoal, PriorMeanScaling PriorScaling, bool AddPriorUncertainty);
}
