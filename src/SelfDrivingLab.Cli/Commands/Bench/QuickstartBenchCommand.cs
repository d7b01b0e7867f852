using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Hosting;
using SelfDrivingLab.Optimization.Proposals;

namespace SelfDrivingLab.Cli.Commands.Bench;

/// <summary>
/// <c>sdl bench quickstart</c>: the wall time of a simulated campaign — by default the quickstart scaled up to 500
/// experiments, 4 in flight, on two printers — on the embedded broker and a temporary ledger, on the virtual clock as
/// <c>sdl run</c> runs it, with where the time went (the proposer's phases; the rest is orchestration: MQTT, ledger,
/// state machines, simulators).
/// </summary>
public static class QuickstartBenchCommand
{
    private const string SynthesisType = "synthesis";

    /// <summary>Creates the command.</summary>
    public static Command Create(CliConsole console)
    {
        var file = new Option<FileInfo>("--file") { Description = "Campaign file to scale (default workflows/quickstart.yaml).", DefaultValueFactory = _ => new FileInfo(Path.Combine("workflows", "quickstart.yaml")) };
        var budget = new Option<int>("--budget") { Description = "Experiments (default 500).", DefaultValueFactory = _ => 500 };
        var parallel = new Option<int>("--parallel") { Description = "Experiments in flight (default 4).", DefaultValueFactory = _ => 4 };
        var printers = new Option<int>("--printers") { Description = "Copies of the file's first synthesis instrument (default 2).", DefaultValueFactory = _ => 2 };
        var defaultProposer = new Option<bool>("--default-proposer") { Description = "Use the default proposer (ProposerSettings.Default: GP + UCB) instead of the file's surrogate and acquisition." };
        var runs = new Option<int>("--runs") { Description = "Runs (default 1); the best and the median are printed.", DefaultValueFactory = _ => 1 };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the figures as JSON." };
        var command = new Command("quickstart", "Wall time of a simulated campaign (default: the quickstart with 500 experiments, 4 in flight, 2 printers) and where it goes.")
        {
            file, budget, parallel, printers, defaultProposer, runs, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(budget) < 1 || parse.GetValue(parallel) < 1 || parse.GetValue(printers) < 1 || parse.GetValue(runs) < 1)
            {
                console.Error.WriteLine("error: --budget, --parallel, --printers and --runs must be at least 1.");
                return ExitCodes.BadInput;
            }

            if (parse.GetValue(json) is { } target && !OutputPaths.CheckFile(target, "--json", console))
            {
                return ExitCodes.BadInput;
            }

            if (!CampaignFileReader.TryLoad(parse.GetValue(file)!, console, out var loaded))
            {
                return ExitCodes.BadInput;
            }

            var definition = Scale(loaded, parse.GetValue(budget), parse.GetValue(parallel), parse.GetValue(printers), parse.GetValue(defaultProposer));
            var printerCount = definition.Simulators.Count(s => s.Type == SynthesisType);
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{definition.Name}: budget {definition.Budget}, {definition.Parallel} in flight, {printerCount} synthesis instruments, {definition.Proposer.Surrogate} + {definition.Proposer.Acquisition}; {Environment.ProcessorCount} cores"));
            var results = new List<RunResult>();
            for (var run = 0; run < parse.GetValue(runs); run++)
            {
                var result = await RunOnceAsync(definition, cancellationToken);
                if (result.Error is not null)
                {
                    console.Error.WriteLine($"error: the campaign did not complete: {result.Error}");
                    return ExitCodes.CampaignFailed;
                }

                results.Add(result);
                Print(console, result);
            }

            var walls = results.Select(r => r.Wall.TotalSeconds).Order().ToArray();
            var median = walls.Length % 2 == 1 ? walls[walls.Length / 2] : (walls[(walls.Length / 2) - 1] + walls[walls.Length / 2]) / 2;
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wall time over {walls.Length} run(s): best {walls[0]:F1} s, median {median:F1} s"));
            if (parse.GetValue(json) is { } output)
            {
                var node = new JsonObject
                {
                    ["campaign"] = definition.Name,
                    ["budget"] = definition.Budget,
                    ["parallel"] = definition.Parallel,
                    ["cores"] = Environment.ProcessorCount,
                    ["surrogate"] = definition.Proposer.Surrogate.ToString(),
                    ["acquisition"] = definition.Proposer.Acquisition.ToString(),
                    ["wall_best_s"] = walls[0],
                    ["wall_median_s"] = median,
                    ["runs"] = new JsonArray([.. results.Select(r => (JsonNode)r.ToJson())]),
                };
                await File.WriteAllTextAsync(output.FullName, node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// The campaign with <paramref name="budget"/>, <paramref name="parallel"/>, <paramref name="printers"/> copies of its first
    /// synthesis instrument (printer-1 → printer-2, …) and, with <paramref name="defaultProposer"/>, the default proposer
    /// (<see cref="ProposerSettings.Default"/>, keeping the file's initial design).
    /// </summary>
    public static CampaignDefinition Scale(CampaignDefinition definition, int budget, int parallel, int printers, bool defaultProposer)
    {
        var simulators = definition.Simulators.ToList();
        if (simulators.FirstOrDefault(s => s.Type == SynthesisType) is { } printer)
        {
            // printer-1 gets printer-2, printer-3, …; another id gets -2, -3, … appended.
            var stem = printer.Id.Value.EndsWith("-1", StringComparison.Ordinal) ? printer.Id.Value[..^2] : printer.Id.Value;
            var existing = simulators.Count(s => s.Type == printer.Type && s.Capability == printer.Capability);
            var index = simulators.IndexOf(printer);
            for (var i = existing; i < printers; i++)
            {
                simulators.Insert(index + i, printer with { Id = new InstrumentId(string.Create(CultureInfo.InvariantCulture, $"{stem}-{i + 1}")) });
            }
        }

        var proposer = defaultProposer
            ? ProposerSettings.Default(definition.Space.Parameters.Count, definition.Seed, budget) with
            {
                InitialDesign = definition.Proposer.InitialDesign,
                InitialCount = Math.Min(definition.Proposer.InitialCount, budget),
                Pool = definition.Proposer.Pool,
            }
            : definition.Proposer;
        var name = string.Create(CultureInfo.InvariantCulture, $"{definition.Name}-bench-{budget}");
        return definition with { Name = name, Budget = budget, Parallel = parallel, Simulators = simulators, Proposer = proposer };
    }

    private static async Task<RunResult> RunOnceAsync(CampaignDefinition definition, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(Path.GetTempPath(), "sdl-bench-" + Guid.NewGuid().ToString("N"));
        using var phases = new ProposerPhaseListener();
        try
        {
            var settings = new CampaignHostSettings(definition) { LedgerPath = Path.Combine(directory, "ledger.db") };
            using var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var summary = await CampaignHost.RunAsync(settings, cancellationToken: cancellationToken);
            var wall = watch.Elapsed;
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuBefore;
            var error = summary.Status == CampaignStatus.Completed ? null : summary.Error ?? summary.Status.ToString();
            return new RunResult(wall, cpu, summary.Experiments, summary.LabTime, summary.Best?.Value, phases.Snapshot(), error);
        }
        finally
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }

    private static void Print(CliConsole console, RunResult result)
    {
        var wall = result.Wall.TotalSeconds;
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run: {wall:F1} s wall, {result.Experiments / wall:F1} experiments/s, {result.Experiments} experiments, lab time {result.LabTime.TotalDays:F1} d, best {result.Best:G6}; CPU {result.Cpu.TotalSeconds:F1} s (process, all threads)"));
        var proposer = 0.0;
        foreach (var (phase, (count, seconds)) in result.Phases.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            proposer += seconds;
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {phase,-20} {seconds,8:F2} s  {100 * seconds / wall,5:F1} %  ({count} times)"));
        }

        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"rest (orchestration)",-20} {Math.Max(wall - proposer, 0),8:F2} s  {100 * Math.Max(wall - proposer, 0) / wall,5:F1} %  (MQTT, ledger, state machines, simulators, start-up, final recommendation)"));
    }

    private sealed record RunResult(TimeSpan Wall, TimeSpan Cpu, int Experiments, TimeSpan LabTime, double? Best, IReadOnlyDictionary<string, (long Count, double Seconds)> Phases, string? Error)
    {
        public JsonObject ToJson()
        {
            var phases = new JsonObject();
            foreach (var (phase, (count, seconds)) in Phases)
            {
                phases[phase] = new JsonObject { ["count"] = count, ["seconds"] = seconds };
            }

            return new JsonObject
            {
                ["wall_s"] = Wall.TotalSeconds,
                ["cpu_s"] = Cpu.TotalSeconds,
                ["experiments"] = Experiments,
                ["experiments_per_s"] = Experiments / Wall.TotalSeconds,
                ["lab_time_days"] = LabTime.TotalDays,
                ["best"] = Best,
                ["phases"] = phases,
            };
        }
    }
}
