using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SelfDrivingLab.Optimization.Proposals;
using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.Cli.Commands.Bench;

/// <summary>
/// <c>sdl bench surrogate</c>: times an exact GP on synthetic data y = Σᵢ sin(3xᵢ) + N(0, 0.05²) in [0, 1]^d — the fit
/// (ML-II with restarts) and the predictive mean and standard deviation of every candidate — and reports the peak
/// managed heap. Seeded and reproducible (apart from the timings).
/// </summary>
internal static class SurrogateBenchCommand
{
    private static readonly TimeSpan SamplingInterval = TimeSpan.FromMilliseconds(5);

    public static Command Create(CliConsole console)
    {
        var n = new Option<int>("--n") { Description = "Training observations.", Required = true };
        var d = new Option<int>("--d") { Description = "Input dimensions.", Required = true };
        var candidates = new Option<int>("--candidates") { Description = "Candidates to predict.", Required = true };
        var restarts = new Option<int>("--restarts") { Description = "Likelihood optimizer starts (default 4).", DefaultValueFactory = _ => 4 };
        var kernel = new Option<string>("--kernel") { Description = "matern52, matern32 or rbf (default matern52).", DefaultValueFactory = _ => "matern52" };
        kernel.AcceptOnlyFromAmong("matern52", "matern32", "rbf");
        var seed = new Option<int>("--seed") { Description = "Seed of the data and of the random starts (default 0).", DefaultValueFactory = _ => 0 };
        var json = new Option<FileInfo?>("--json") { Description = "Also write {\"fit_s\", \"predict_s\", \"n\", \"d\", \"m\", ...} to this file." };
        var command = new Command("surrogate", "Time a Gaussian-process fit and prediction on synthetic data.")
        {
            n, d, candidates, restarts, kernel, seed, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (count, dimension, m) = (parse.GetValue(n), parse.GetValue(d), parse.GetValue(candidates));
            if (count < 1 || dimension < 1 || m < 1 || parse.GetValue(restarts) < 0)
            {
                await console.Error.WriteLineAsync("error: --n, --d and --candidates must be at least 1 and --restarts at least 0.").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            if (parse.GetValue(json) is { } target && !OutputPaths.CheckFile(target, "--json", console))
            {
                return ExitCodes.BadInput;
            }

            var options = new GaussianProcessOptions
            {
                Kernel = parse.GetValue(kernel) switch { "rbf" => KernelKind.Rbf, "matern32" => KernelKind.Matern32, _ => KernelKind.Matern52 },
                Restarts = parse.GetValue(restarts),
                Seed = parse.GetValue(seed),
            };
            var result = Run(count, dimension, m, options, cancellationToken);
            await console.Out.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"gp {KernelName(options.Kernel)}: n={count} d={dimension} m={m} restarts={options.Restarts} cores={Environment.ProcessorCount}")).ConfigureAwait(false);
            await console.Out.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"fit {result.FitSeconds:F3} s ({result.Evaluations} likelihood evaluations), predict mean+sd {result.PredictSeconds:F3} s, total {result.FitSeconds + result.PredictSeconds:F3} s")).ConfigureAwait(false);
            await console.Out.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"peak managed heap {result.PeakManagedBytes / 1048576.0:F1} MiB, log marginal likelihood {result.LogMarginalLikelihood:F3}")).ConfigureAwait(false);
            if (parse.GetValue(json) is { } file)
            {
                await WriteJsonAsync(file, count, dimension, m, options, result, cancellationToken).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static BenchResult Run(int n, int d, int m, GaussianProcessOptions options, CancellationToken cancellationToken)
    {
        var random = new Random(options.Seed);
        var x = Points(random, n, d);
        var y = x.Select(p => p.Sum(v => Math.Sin(3 * v)) + (0.05 * Gaussian(random))).ToArray();
        var candidates = Points(random, m, d);
        var mean = new double[m];
        var variance = new double[m];
        GC.Collect();
        var peak = GC.GetTotalMemory(false);
        using var sampler = TimeProvider.System.CreateTimer(_ => InterlockedMax(ref peak, GC.GetTotalMemory(false)), null, SamplingInterval, SamplingInterval);

        var clock = Stopwatch.StartNew();
        var model = new GaussianProcessSurrogate(options).Fit(x, y, cancellationToken);
        var fit = clock.Elapsed.TotalSeconds;
        clock.Restart();
        model.Predict(candidates, mean, variance);
        for (var i = 0; i < m; i++)
        {
            variance[i] = Math.Sqrt(variance[i]);
        }

        var predict = clock.Elapsed.TotalSeconds;
        InterlockedMax(ref peak, GC.GetTotalMemory(false));
        return new BenchResult(
            fit,
            predict,
            (int)model.Hyperparameters.GetValueOrDefault("likelihood_evaluations"),
            model.Hyperparameters.GetValueOrDefault("log_marginal_likelihood", double.NaN),
            Interlocked.Read(ref peak));
    }

    private static async Task WriteJsonAsync(FileInfo file, int n, int d, int m, GaussianProcessOptions options, BenchResult result, CancellationToken cancellationToken)
    {
        var stream = file.Create();
        await using (stream.ConfigureAwait(false))
        {
            using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            writer.WriteStartObject();
            writer.WriteNumber("fit_s", result.FitSeconds);
            writer.WriteNumber("predict_s", result.PredictSeconds);
            writer.WriteNumber("n", n);
            writer.WriteNumber("d", d);
            writer.WriteNumber("m", m);
            writer.WriteNumber("restarts", options.Restarts);
            writer.WriteString("kernel", KernelName(options.Kernel));
            writer.WriteNumber("likelihood_evaluations", result.Evaluations);
            writer.WriteNumber("peak_managed_bytes", result.PeakManagedBytes);
            writer.WriteNumber("cores", Environment.ProcessorCount);
            writer.WriteEndObject();
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static string KernelName(KernelKind kind) => kind switch
    {
        KernelKind.Rbf => "rbf",
        KernelKind.Matern32 => "matern32",
        _ => "matern52",
    };

    private static double[][] Points(Random random, int count, int dimension) =>
        Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, dimension).Select(_ => random.NextDouble()).ToArray()).ToArray();

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    private readonly record struct BenchResult(double FitSeconds, double PredictSeconds, int Evaluations, double LogMarginalLikelihood, long PeakManagedBytes);
}
