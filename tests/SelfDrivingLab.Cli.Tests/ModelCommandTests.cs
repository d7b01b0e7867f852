using System.Text.Json;

namespace SelfDrivingLab.Cli.Tests;

/// <summary><c>sdl model cv/train/predict</c> and <c>sdl screen</c> on a 200-row slice of the band-gap table (ridge: fast).</summary>
public sealed class ModelCommandTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();
    private readonly string _table;

    public ModelCommandTests()
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

    private string[] Table(params string[] more) => ["--data", _table, "--formula-column", "composition", "--target", "gap expt", .. more];

    [Fact]
    public async Task Cv_Regression_PrintsFoldsAndWritesReproducibleJson()
    {
        var (exit, output, _) = await Sdl(["model", "cv", .. Table("--kind", "ridge", "--folds", "5", "--seed", "0", "--json", _dir.File("a.json"))]);
        await Sdl(["model", "cv", .. Table("--kind", "ridge", "--folds", "5", "--seed", "0", "--json", _dir.File("b.json"))]);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("fold 5: MAE", output, StringComparison.Ordinal);
        Assert.Contains("mean:   MAE", output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(_dir.File("a.json")));
        Assert.Equal(5, json.RootElement.GetProperty("folds").GetArrayLength());
        Assert.True(json.RootElement.GetProperty("mae").GetDouble() > 0);
        Assert.True(json.RootElement.TryGetProperty("r2", out _));
        Assert.Equal(await File.ReadAllTextAsync(_dir.File("a.json")), await File.ReadAllTextAsync(_dir.File("b.json")));
    }

    [Fact]
    public async Task Split_BySystem_WritesDisjointHalvesOfEveryRowWithNoSystemInBoth()
    {
        var (exit, output, _) = await Sdl("model", "split", "--data", _table, "--formula-column", "composition", "--by", "system", "--seed", "2", "--out-a", _dir.File("a.csv"), "--out-b", _dir.File("b.csv"));

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("by system, seed 2", output, StringComparison.Ordinal);
        var source = File.ReadAllLines(_table);
        var (a, b) = (File.ReadAllLines(_dir.File("a.csv")), File.ReadAllLines(_dir.File("b.csv")));
        Assert.Equal(source[0], a[0]);
        Assert.Equal(source[0], b[0]);
        Assert.Equal(source.Skip(1).Order(StringComparer.Ordinal), a.Skip(1).Concat(b.Skip(1)).Order(StringComparer.Ordinal));
        static string System(string line) =>
            PropertyModels.Data.TableSplit.KeyOf(Materials.Formulas.ChemicalFormula.Parse(line.Split(',')[1]), PropertyModels.Data.SplitKey.System);
        Assert.Empty(a.Skip(1).Select(System).Intersect(b.Skip(1).Select(System)));
    }

    [Fact]
    public async Task Predict_TableToFile_KeepsEveryColumnAndAddsThePredictionAndItsUncertainty()
    {
        await Sdl(["model", "train", .. Table("--kind", "ridge", "--out", _dir.File("m.sdlmodel"))]);

        var (exit, _, _) = await Sdl("model", "predict", "--model", _dir.File("m.sdlmodel"), "--data", _table, "--formula-column", "composition", "--out", _dir.File("p.csv"));

        Assert.Equal(ExitCodes.Ok, exit);
        var lines = File.ReadAllLines(_dir.File("p.csv"));
        Assert.Equal(",composition,gap expt,predicted gap expt,predicted gap expt_uncertainty", lines[0]);
        Assert.Equal(201, lines.Length);
        Assert.StartsWith(File.ReadLines(_table).Skip(1).First() + ",", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cv_ClassifyWithRule_ReportsRocAuc()
    {
        var (exit, output, _) = await Sdl(["model", "cv", .. Table("--kind", "ridge", "--positive-when", "== 0", "--json", _dir.File("c.json"))]);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("classification (yes: == 0)", output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(_dir.File("c.json")));
        Assert.InRange(json.RootElement.GetProperty("roc_auc").GetDouble(), 0.5, 1);
        Assert.True(json.RootElement.TryGetProperty("accuracy", out _));
    }

    [Theory]
    [InlineData("--formula-column", "formula", "'formula'")]
    [InlineData("--kind", "svm", "unknown model kind 'svm'")]
    [InlineData("--task", "cluster", "--task")]
    [InlineData("--positive-when", "about 0", "not a rule")]
    public async Task Cv_BadOption_OneErrorLineAndExitCode2(string option, string value, string expected)
    {
        var formulaColumn = option == "--formula-column" ? value : "composition";
        string[] args = ["model", "cv", "--data", _table, "--formula-column", formulaColumn, "--target", "gap expt", .. option == "--formula-column" ? Array.Empty<string>() : [option, value]];

        var (exit, _, error) = await Sdl(args);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.False(StackTraces.In(error));
    }

    [Fact]
    public async Task Cv_UnparsableFormula_NamesTheLine()
    {
        await File.AppendAllTextAsync(_table, "9999,Qq2O3,1.0\n");

        var (exit, _, error) = await Sdl(["model", "cv", .. Table("--kind", "ridge")]);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("line 202", error, StringComparison.Ordinal);
        Assert.Contains("Qq2O3", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Predict_NotAModelFile_SaysSo()
    {
        var (exit, _, error) = await Sdl(["model", "predict", "--model", _table, "--formulas", "NaCl"]);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("not a SelfDrivingLab model file", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrainPredictScreen_WritesAPoolACampaignAccepts()
    {
        var gap = _dir.File("gap.sdlmodel");
        var nonmetal = _dir.File("nonmetal.sdlmodel");
        Assert.Equal(ExitCodes.Ok, (await Sdl(["model", "train", .. Table("--kind", "ridge", "--name", "gap", "--out", gap)])).Exit);
        Assert.Equal(ExitCodes.Ok, (await Sdl(["model", "train", .. Table("--kind", "ridge", "--positive-when", "> 0", "--name", "nonmetal", "--out", nonmetal)])).Exit);

        var predicted = await Sdl(["model", "predict", "--model", nonmetal, "--formulas", "Fe2O3,NaCl"]);
        var pool = _dir.File("pool.csv");
        var screened = await Sdl(["screen", "--elements", "Li,Fe,P,O", "--max-atoms", "10", "--charge-neutral", "--model", gap, "--model", nonmetal, "--where", "gap >= 0.5", "--out", pool, "--top", "20"]);

        Assert.Matches(@"(?m)^NaCl: P\(nonmetal\) = [0-9.]+ ± [0-9.]+", predicted.Output);
        Assert.Equal(ExitCodes.Ok, screened.Exit);
        var lines = await File.ReadAllLinesAsync(pool);
        Assert.Equal("formula,gap,gap_uncertainty,P(nonmetal),P(nonmetal)_uncertainty,score", lines[0]);
        Assert.InRange(lines.Length, 3, 21);
        await File.WriteAllTextAsync(_dir.File("campaign.yaml"), CampaignOnPool("pool.csv"));
        var validated = await Sdl(["validate", _dir.File("campaign.yaml")]);
        Assert.True(validated.Exit == ExitCodes.Ok, validated.Error);
    }

    [Fact]
    public async Task Screen_CriterionForNoModel_ExitCode2()
    {
        var gap = _dir.File("gap.sdlmodel");
        await Sdl(["model", "train", .. Table("--kind", "ridge", "--name", "gap", "--out", gap)]);

        var (exit, _, error) = await Sdl(["screen", "--elements", "Li,O", "--max-atoms", "4", "--model", gap, "--where", "P(metal) >= 0.5", "--out", _dir.File("p.csv")]);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("names no model", error, StringComparison.Ordinal);
    }

    private static string CampaignOnPool(string table) => $"""
        name: screened-pool
        seed: 1
        budget: 5
        objective: {"{"} output: gap, goal: target, target: 1.34 {"}"}
        pool:
          table: {table}
          formula_column: formula
        workflow:
          - name: measure
            capability: measure-gap
            deadline: 1h
            parameters: {"{"} composition: $formula {"}"}
        simulators:
          - id: uvvis-1
            type: characterization
            capability: measure-gap
            duration: {"{"} mean: 15m, sd: 3m {"}"}
            ground_truth:
              table: {table}
              inputs: [formula]
              output: gap
              match: exact
        """;
}
