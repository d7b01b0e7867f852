using System.Globalization;
using SelfDrivingLab.Benchmarks.Reports;
using SelfDrivingLab.Optimization.Proposals;

namespace SelfDrivingLab.Cli.Commands.Bench;

/// <summary>Prints a benchmark report as a table, one block per strategy.</summary>
internal static class BenchReportPrinter
{
    public static void Print(TextWriter output, BenchmarkReport report, string source, string goal)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine($"{source}: {report.Dataset}; goal {goal}");
        output.WriteLine(string.Create(c, $"budget {report.Budget} (initial {report.Initial}), {report.Seeds} seeds; top-5% set {report.Top5Count}, top-1% set {report.Top1Count}; random expects {report.RandomExpectedTo80:F1} experiments to Top% 0.8"));
        foreach (var s in report.Strategies.Values)
        {
            output.WriteLine();
            output.WriteLine($"  {s.Strategy}");
            if (s.Checkpoints.Count > 0)
            {
                output.WriteLine($"    first top-1%:  median {Count(s.MedianToTop1)}  5–95% {BandText(s.Top1Band)}  found in {s.Top1FoundCampaigns}/{s.Campaigns}");
            }

            output.WriteLine($"    first top-5%:  median {Count(s.MedianToTop5)}  5–95% {BandText(s.Top5Band)}");
            output.WriteLine($"    Top% ≥ 0.8:    median {Count(s.MedianTo80)}  5–95% {BandText(s.To80Band)}  reached in {s.Reached80Campaigns}/{s.Campaigns}");
            if (s.Checkpoints.Count > 0)
            {
                var curve = string.Join("  ", s.Checkpoints.Select(p => string.Create(c, $"@{p.Experiments}: {p.MedianTopFraction:F2} (EF {p.Enhancement:F2})")));
                output.WriteLine($"    Top% median:   {curve}");
                output.WriteLine(string.Create(c, $"    Top% at end:   {s.Top5Found:F3}"));
            }
            else
            {
                output.WriteLine("    (campaigns stopped at Top% 0.8: first top-1% and the Top% curve not measured)");
            }

            output.WriteLine($"    AF(0.8):       {Factor(s.Af80)} vs analytic random; {Factor(s.Af80Empirical)} vs random runs");
        }
    }

    /// <summary>A one-line description of proposer settings, e.g. <c>GaussianProcess (Matern52, 4 restarts) + ExpectedImprovement (ξ 0.01)</c>.</summary>
    public static string Describe(ProposerSettings settings)
    {
        var c = CultureInfo.InvariantCulture;
        var surrogate = settings.Surrogate == SurrogateKind.GaussianProcess
            ? string.Create(c, $"{settings.Surrogate} ({settings.Kernel}, {settings.Restarts} restarts)")
            : settings.Surrogate.ToString();
        var acquisition = settings.Acquisition switch
        {
            AcquisitionKind.UpperConfidenceBound => string.Create(c, $"{settings.Acquisition} (β {settings.Beta:G4})"),
            AcquisitionKind.ThompsonSampling => settings.Acquisition.ToString(),
            _ => string.Create(c, $"{settings.Acquisition} (ξ {settings.Xi:G4} sd)"),
        };
        return settings.Surrogate == SurrogateKind.Random ? "uniform random" : $"{surrogate} + {acquisition}";
    }

    private static string Count(double? value) =>
        value is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) : "not reached";

    private static string BandText(Band band) => $"[{Count(band.Low)}, {Count(band.High)}]";

    private static string Factor(double? value) =>
        value is { } v ? v.ToString("F2", CultureInfo.InvariantCulture) : "-";
}
