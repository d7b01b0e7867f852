namespace SelfDrivingLab.Cli.Tests;

/// <summary><c>sdl bench campaign --prior-model</c> on a 200-row slice of the band-gap table (ridge model: fast).</summary>
public sealed class BenchCampaignPriorModelTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();
    private readonly string _table;

    public BenchCampaignPriorModelTests()
    {
        _table = _dir.File("gaps.csv");
        var source = Path.Combine(RepositoryPaths.Root, "data", "benchmarks", "materials", "matbench_expt_gap.csv");
        File.WriteAllLines(_table, File.ReadLines(source).Take(201));
    }

    public void Dispose() => _dir.Dispose();

    private static async Task<(int Exit, string Output, string Error)> Sdl(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await SdlCommandLine.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private string[] Bench(params string[] more) =>
        ["bench", "campaign", "--data", _table, "--target", "gap expt", "--goal", "target:1.34", "--strategy", "default", "--initial", "2", "--seeds", "2", "--budget", "8", .. more];

    [Fact]
    public async Task PriorModel_AsMeanAndAsFeature_RunTheCampaign()
    {
        var model = _dir.File("gap.sdlmodel");
        var trained = await Sdl("model", "train", "--data", _table, "--formula-column", "composition", "--target", "gap expt", "--kind", "ridge", "--out", model);
        Assert.Equal(ExitCodes.Ok, trained.Exit);

        var mean = await Sdl(Bench("--formula-column", "composition", "--prior-model", model));
        var feature = await Sdl(Bench("--formula-column", "composition", "--prior-model", model, "--prior-as", "feature"));

        Assert.True(mean.Exit == ExitCodes.Ok, mean.Error);
        Assert.True(feature.Exit == ExitCodes.Ok, feature.Error);

        // As a mean the inputs are the formula's features alone; as a feature, two more.
        static int Inputs(string output) => int.Parse(System.Text.RegularExpressions.Regex.Match(output, @"(\d+) inputs").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Inputs(mean.Output) + 2, Inputs(feature.Output));
    }

    [Fact]
    public async Task PriorModel_WithoutAFormulaColumn_IsAOneLineError()
    {
        var (exit, _, error) = await Sdl(Bench("--inputs", "gap expt", "--prior-model", _dir.File("none.sdlmodel")));

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("--prior-model predicts each candidate from its formula; give --formula-column", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
