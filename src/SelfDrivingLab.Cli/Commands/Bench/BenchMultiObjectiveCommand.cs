using System.CommandLine;
using System.Globalization;
using SelfDrivingLab.Benchmarks.MultiObjective;

namespace SelfDrivingLab.Cli.Commands.Bench;

/// <summary>
/// <c>sdl bench multiobjective</c>: the hypervolume after N experiments on Branin–Currin and DTLZ2 (d = 4, two
/// objectives) for expected hypervolume improvement, ParEGO and random designs over a few seeds, through the public
/// ask/tell API (the one proposal engine). Prints the median, minimum and maximum per problem and strategy, with the
/// median as a percentage of the true front's hypervolume. The proposer knows the reference point as thresholds
/// (<c>at_most</c>), unless <c>--infer-reference</c>.
/// </summary>
internal static class BenchMultiObjectiveCommand
{
    public static Command Create(CliConsole console)
    {
        var experiments = new Option<int>("--experiments") { Description = "Experiments per campaign (default 30).", DefaultValueFactory = _ => 30 };
        var seeds = new Option<int>("--seeds") { Description = "Seeds per problem and strategy, 0 to n-1 (default 3).", DefaultValueFactory = _ => 3 };
        var batch = new Option<int>("--batch") { Description = "Experiments proposed at once (default 1).", DefaultValueFactory = _ => 1 };
        var strategies = new Option<string[]>("--strategy")
        {
            Description = "ehvi, parego or random; repeat for several (default all three).",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => ["ehvi", "parego", "random"],
        };
        strategies.AcceptOnlyFromAmong("ehvi", "parego", "random");
        var inferred = new Option<bool>("--infer-reference")
        {
            Description = "Do not tell the proposer the reference point (no at_most thresholds): it infers one from the front, as a campaign without thresholds does.",
        };
        var command = new Command("multiobjective", "Hypervolume after N experiments on Branin-Currin and DTLZ2 (d=4): EHVI vs ParEGO vs random.")
        {
            experiments, seeds, batch, strategies, inferred,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (n, seedCount, size) = (parse.GetValue(experiments), parse.GetValue(seeds), parse.GetValue(batch));
            if (n < 1 || seedCount < 1 || size < 1)
            {
                await console.Error.WriteLineAsync("error: --experiments, --seeds and --batch must be at least 1.").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            var chosen = parse.GetValue(strategies)!.Distinct(StringComparer.Ordinal).Select(Parse).ToList();
            await console.Out.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"hypervolume after {n} experiments (batch {size}), seeds 0-{seedCount - 1}: median [min, max], median as % of the true front's")).ConfigureAwait(false);
            foreach (var given in new[] { MultiObjectiveProblems.BraninCurrin, MultiObjectiveProblems.Dtlz2(4) })
            {
                // The hypervolume is still measured above the problem's reference point.
                var problem = parse.GetValue(inferred) ? given with { Objectives = [.. given.Objectives.Select(o => o with { AtLeast = null, AtMost = null })] } : given;
                foreach (var strategy in chosen)
                {
                    var runs = new List<MultiObjectiveRun>();
                    for (var seed = 0; seed < seedCount; seed++)
                    {
                        runs.Add(await Task.Run(() => MultiObjectiveBenchmark.Run(problem, strategy, seed, n, size, cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false));
                    }

                    await console.Out.WriteLineAsync(Line(problem, strategy, runs)).ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Line(MultiObjectiveProblem problem, MultiObjectiveStrategy strategy, List<MultiObjectiveRun> runs)
    {
        var volumes = runs.Select(r => r.Hypervolume).Order().ToList();
        var median = volumes.Count % 2 == 1 ? volumes[volumes.Count / 2] : (volumes[(volumes.Count / 2) - 1] + volumes[volumes.Count / 2]) / 2;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{problem.Name,-14} {strategy.ToString().ToLowerInvariant(),-7} {median,9:G5} [{volumes[0]:G5}, {volumes[^1]:G5}]  {100 * median / problem.MaxHypervolume,5:F1} % of {problem.MaxHypervolume:G5}  ({runs.Average(r => r.Seconds):F1} s per campaign)");
    }

    private static MultiObjectiveStrategy Parse(string name) => name switch
    {
        "parego" => MultiObjectiveStrategy.Parego,
        "random" => MultiObjectiveStrategy.Random,
        _ => MultiObjectiveStrategy.Ehvi,
    };
}
