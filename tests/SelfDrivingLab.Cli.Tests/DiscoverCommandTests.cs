namespace SelfDrivingLab.Cli.Tests;

/// <summary><c>sdl discover</c> end to end on a 200-row slice of the band-gap table (ridge models: fast).</summary>
public sealed class DiscoverCommandTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public DiscoverCommandTests()
    {
        var source = Path.Combine(RepositoryPaths.Root, "data", "benchmarks", "materials", "matbench_expt_gap.csv");
        File.WriteAllLines(_dir.File("gaps.csv"), File.ReadLines(source).Take(201));
    }

    public void Dispose() => _dir.Dispose();

    private string Discovery() => $$"""
        name: tiny-discovery
        seed: 2
        out: {{_dir.File("out")}}
        models:
          - { name: gap, table: gaps.csv, formula_column: composition, target: gap expt, rows: 120, kind: ridge }
          - { name: gap-lab, table: gaps.csv, formula_column: composition, target: gap expt, kind: ridge }
        screen:
          elements: [Zn, Cu, S, Se]
          max_atoms: 5
          charge_neutral: true
          where: ["gap between 0.5 and 3"]
          top: 30
        lab: { truth: gap-lab, noise_sd: 0.02 }
        campaign:
          budget: 5
          parallel: 1
          objective: { output: gap, goal: target, target: 1.34, unit: eV }
          initial_design: { kind: random, count: 2 }
          surrogate: { kind: gaussian_process, restarts: 1 }
          prior_model: { model: gap, as: mean }
        """;

    private static async Task<(int Exit, string Output, string Error)> Sdl(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await SdlCommandLine.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Discover_TinyFile_TrainsScreensRunsAndReportsThenLoadsTheModelsOnTheSecondRun()
    {
        var file = _dir.File("discover.yaml");
        await File.WriteAllTextAsync(file, Discovery());

        var (exit, output, error) = await Sdl("discover", file);

        Assert.True(exit == ExitCodes.Ok, output + error);
        Assert.Contains("Model 'gap': trained (ridge, 120 rows", output, StringComparison.Ordinal);
        Assert.Contains("Model 'gap-lab': trained (ridge, 200 rows", output, StringComparison.Ordinal);
        var pool = File.ReadAllLines(_dir.File(Path.Combine("out", "pool.csv")));
        Assert.Equal("formula,gap,gap_uncertainty,score", pool[0]);
        Assert.InRange(pool.Length - 1, 2, 30);
        var truth = File.ReadAllLines(_dir.File(Path.Combine("out", "truth.csv")));
        Assert.Equal(pool.Skip(1).Select(l => l.Split(',')[0]), truth.Skip(1).Select(l => l.Split(',')[0]));
        Assert.Contains("prior_model", await File.ReadAllTextAsync(_dir.File(Path.Combine("out", "campaign.yaml"))), StringComparison.Ordinal);
        Assert.True(File.Exists(_dir.File(Path.Combine("out", "report", "index.html"))));

        var again = await Sdl("discover", file);
        Assert.Contains("Model 'gap': loaded", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discover_BrokenFile_PrintsOneLinePerProblemWithoutAStackTrace()
    {
        var file = _dir.File("broken.yaml");
        await File.WriteAllTextAsync(file, Discovery().Replace("truth: gap-lab", "truth: gap-world", StringComparison.Ordinal));

        var (exit, _, error) = await Sdl("discover", file);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("lab.truth", error, StringComparison.Ordinal);
        Assert.Contains("'gap-world' is not one of the models (gap, gap-lab)", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
