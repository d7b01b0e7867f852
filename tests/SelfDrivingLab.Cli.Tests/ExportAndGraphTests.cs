using SelfDrivingLab.Campaigns;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Hosting;
using SelfDrivingLab.Ledger;

namespace SelfDrivingLab.Cli.Tests;

[Collection(VirtualClockCollection.Name)]
public sealed class ExportAndGraphTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Export_LedgerOfASmallCampaign_WritesOneRowPerExperiment()
    {
        var quickstart = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
        var summary = await CampaignHost.RunAsync(new CampaignHostSettings(quickstart with { Budget = 4 }) { LedgerPath = _dir.File("ledger.db") });
        var output = new StringWriter();

        var exit = await SdlCommandLine.RunAsync(["export", _dir.File("ledger.db"), "--csv", _dir.File("out/results.csv")], output, new StringWriter());

        Assert.Equal(0, exit);
        var lines = await File.ReadAllLinesAsync(_dir.File("out/results.csv"));
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("campaign,experiment,sequence,status,state,n,r,t,theta,", lines[0], StringComparison.Ordinal);
        Assert.All(lines.Skip(1), l => Assert.StartsWith(summary.CampaignId.Value + ",", l, StringComparison.Ordinal));

        var status = new StringWriter();
        Assert.Equal(0, await SdlCommandLine.RunAsync(["status", _dir.File("ledger.db")], status, new StringWriter()));
        Assert.Contains($"{summary.CampaignId}  completed  4/4 proposed", status.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_Json_HasEveryExperimentWithTypedOutputsAndTheModelsProvenance_AndMatchesTheCsv()
    {
        var quickstart = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
        var definition = quickstart with { Budget = 5, Parallel = 1, Proposer = quickstart.Proposer with { InitialCount = 3, Restarts = 1 } };
        var summary = await CampaignHost.RunAsync(new CampaignHostSettings(definition) { LedgerPath = _dir.File("ledger.db") });

        var exit = await SdlCommandLine.RunAsync(["export", _dir.File("ledger.db"), "--json", _dir.File("all.json"), "--csv", _dir.File("all.csv")], new StringWriter(), new StringWriter());

        Assert.Equal(0, exit);
        using var document = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(_dir.File("all.json")));
        Assert.Equal(LedgerJsonExporter.Format, document.RootElement.GetProperty("format").GetString());
        var campaign = Assert.Single(document.RootElement.GetProperty("campaigns").EnumerateArray());
        Assert.Equal(summary.CampaignId.Value, campaign.GetProperty("id").GetString());
        var experiments = campaign.GetProperty("experiments").EnumerateArray().ToList();
        Assert.Equal(5, experiments.Count);
        var csv = (await File.ReadAllLinesAsync(_dir.File("all.csv"))).Skip(1).Select(l => l.Split(',')).ToList();
        foreach (var (json, row) in experiments.Zip(csv))
        {
            Assert.Equal(row[1], json.GetProperty("id").GetString());
            Assert.Equal(System.Text.Json.JsonValueKind.Number, json.GetProperty("parameters").GetProperty("theta").ValueKind);
            var toughness = json.GetProperty("measurements").GetProperty("toughness").GetDouble();
            Assert.Equal(toughness, json.GetProperty("objectives")[0].GetProperty("value").GetDouble());
            Assert.Equal(toughness, json.GetProperty("objective").GetDouble());
            Assert.Equal(["printing", "compression"], json.GetProperty("outputs").EnumerateArray().Select(o => o.GetProperty("step").GetString()));
            var states = json.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("to").GetString()).ToList();
            Assert.Equal(["Proposed", "printing", "compression"], states.Take(3));
        }

        // Model proposals carry what the model predicted when it proposed them.
        var model = experiments.Where(e => e.GetProperty("proposal").TryGetProperty("strategy", out var s) && s.GetString() == "model").ToList();
        Assert.Equal(2, model.Count);
        Assert.All(model, e => Assert.True(e.GetProperty("proposal").GetProperty("predictedStandardDeviation").GetDouble() > 0));
    }

    [Fact]
    public async Task Report_LedgerOfASmallCampaign_WritesTheIndexAndSaysHowManyPlots()
    {
        var quickstart = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
        await CampaignHost.RunAsync(new CampaignHostSettings(quickstart with { Budget = 6, Proposer = quickstart.Proposer with { InitialCount = 6 } }) { LedgerPath = _dir.File("ledger.db") });
        var output = new StringWriter();

        var exit = await SdlCommandLine.RunAsync(["report", _dir.File("ledger.db"), "--out", _dir.File("report")], output, new StringWriter());

        Assert.Equal(0, exit);
        Assert.True(File.Exists(_dir.File("report/index.html")));
        Assert.Contains("(7 plots of 1 campaign(s))", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("none.db", "--out", "does not exist")]
    [InlineData("ledger.db", "--campaign", "is not a valid campaign id")]
    public async Task Report_BadInput_IsAOneLineErrorWithoutAStackTrace(string ledger, string option, string expected)
    {
        await File.WriteAllBytesAsync(_dir.File("ledger.db"), []);
        var error = new StringWriter();
        string[] args = option == "--out"
            ? ["report", _dir.File(ledger), "--out", _dir.File("report")]
            : ["report", _dir.File(ledger), "--out", _dir.File("report"), "--campaign", "bad id!"];

        var exit = await SdlCommandLine.RunAsync(args, new StringWriter(), error);

        Assert.NotEqual(0, exit);
        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_WithoutAnOutput_IsAnErrorNamingTheOptions()
    {
        var error = new StringWriter();

        var exit = await SdlCommandLine.RunAsync(["export", _dir.File("ledger.db")], new StringWriter(), error);

        Assert.NotEqual(0, exit);
        Assert.Contains("--csv <file>", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("--json <file>", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_ModelProposals_HaveEveryOutputTheObjectiveVectorAndWhatTheModelPredicted()
    {
        var quickstart = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
        var definition = quickstart with { Budget = 5, Parallel = 1, Proposer = quickstart.Proposer with { InitialCount = 3, Restarts = 1 } };
        await CampaignHost.RunAsync(new CampaignHostSettings(definition) { LedgerPath = _dir.File("ledger.db") });

        Assert.Equal(0, await SdlCommandLine.RunAsync(["export", _dir.File("ledger.db"), "--csv", _dir.File("results.csv")], new StringWriter(), new StringWriter()));

        var rows = (await File.ReadAllLinesAsync(_dir.File("results.csv"))).Select(l => l.Split(',')).ToList();
        var column = rows[0].Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i);
        foreach (var name in (string[])["m_sample_id", "m_toughness", "objective", "o_toughness", "predicted_mean", "predicted_sd", "acquisition_value", "strategy", "surrogate", "acquisition"])
        {
            Assert.Contains(name, column.Keys);
        }

        foreach (var row in rows.Skip(1).Where(r => r[column["status"]] == "Completed"))
        {
            Assert.Equal(row[column["m_toughness"]], row[column["o_toughness"]]);
            Assert.Equal(row[column["objective"]], row[column["o_toughness"]]);
            Assert.NotEmpty(row[column["m_sample_id"]]);
        }

        var model = rows.Skip(1).Where(r => r[column["strategy"]] == "model").ToList();
        Assert.NotEmpty(model);
        Assert.All(model, r => Assert.True(
            double.TryParse(r[column["predicted_mean"]], System.Globalization.CultureInfo.InvariantCulture, out _)
            && double.Parse(r[column["predicted_sd"]], System.Globalization.CultureInfo.InvariantCulture) >= 0
            && double.TryParse(r[column["acquisition_value"]], System.Globalization.CultureInfo.InvariantCulture, out _),
            string.Join(",", r)));
    }

    [Fact]
    public async Task Status_UnfinishedCampaign_ShowsTheStepInFlight()
    {
        var at = new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);
        var campaign = new CampaignId("c-1");
        var experiment = new ExperimentId("c-1-e0001");
        var command = new CommandId("c-1-e0001-s1");
        await using (var ledger = await SqliteLedger.OpenAsync(_dir.File("ledger.db")))
        {
            await ledger.CreateCampaignAsync(new CampaignRecord(campaign, "c", "name: c", 1, 5, CampaignStatus.Running, at, at));
            await ledger.AddExperimentAsync(new ExperimentRecord(experiment, campaign, 1, ParameterSet.Empty, ExperimentStatus.Proposed, "Proposed", "{}", at, at));
            await ledger.RecordTransitionAsync(new StateTransitionRecord(experiment, "Proposed", "printing", "Start", at), ExperimentStatus.Running);
            await ledger.RecordCommandAsync(new CommandRecord(command, experiment, new InstrumentId("printer-1"), "printing", "print", ParameterSet.Empty, at, at.AddHours(3)));
            await ledger.RecordEventAsync(new InstrumentEventRecord(command, new InstrumentId("printer-1"), "accepted", at, "{}"));
        }

        var output = new StringWriter();
        var exit = await SdlCommandLine.RunAsync(["status", _dir.File("ledger.db")], output, new StringWriter());

        Assert.Equal(0, exit);
        Assert.Contains("c-1  running  1/5 proposed", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("e0001  printing", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("command c-1-e0001-s1 on printer-1: accepted", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_MissingLedger_ExitsWithCode2()
    {
        var error = new StringWriter();

        var exit = await SdlCommandLine.RunAsync(["export", _dir.File("none.db"), "--csv", _dir.File("x.csv")], new StringWriter(), error);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("does not exist", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/proc/sdl-results.csv")]
    [InlineData("{dir}")]
    public async Task Export_CsvToAPathThatCannotBeWritten_ExitsWithCode2NamingIt(string target)
    {
        await RunSmallCampaignAsync(_dir.File("ledger.db"));
        var path = target.Replace("{dir}", _dir.Path, StringComparison.Ordinal);
        var error = new StringWriter();

        var exit = await SdlCommandLine.RunAsync(["export", _dir.File("ledger.db"), "--csv", path], new StringWriter(), error);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains($"error: --csv:", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(path, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("surrogate", "--n", "5", "--d", "2", "--candidates", "10")]
    [InlineData("campaign", "--data", "{table}", "--target", "toughness", "--goal", "max", "--strategy", "random", "--seeds", "1", "--budget", "4", "--initial", "2")]
    [InlineData("orchestration")]
    public async Task Bench_JsonToAPathThatCannotBeWritten_ExitsWithCode2BeforeRunning(params string[] arguments)
    {
        var table = Path.Combine(RepositoryPaths.Root, "workflows", "data", "crossed_barrel.csv");
        var error = new StringWriter();

        var exit = await SdlCommandLine.RunAsync(
            ["bench", .. arguments.Select(a => a.Replace("{table}", table, StringComparison.Ordinal)), "--json", "/proc/sdl-bench.json"],
            new StringWriter(),
            error).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("error: --json: cannot write '/proc/sdl-bench.json'", error.ToString(), StringComparison.Ordinal);
    }

    [ReadOnlyPathFact]
    public async Task Export_CsvIntoAReadOnlyDirectory_ExitsWithCode2NamingIt()
    {
        await RunSmallCampaignAsync(_dir.File("ledger.db"));
        Directory.CreateDirectory(_dir.File("out"));
        var error = new StringWriter();
        int exit;

        using (ReadOnlyPath.Make(_dir.File("out")))
        {
            exit = await SdlCommandLine.RunAsync(["export", _dir.File("ledger.db"), "--csv", _dir.File("out/results.csv")], new StringWriter(), error);
        }

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains($"error: --csv: cannot write '{_dir.File("out/results.csv")}'", error.ToString(), StringComparison.Ordinal);
    }

    [ReadOnlyPathFact]
    public async Task StatusAndExport_LedgerInAReadOnlyDirectory_ReadIt()
    {
        // Issue 9 item 13: the ledger's directory (or mount) may not be written, e.g. a colleague's results.
        Directory.CreateDirectory(_dir.File("results"));
        var summary = await RunSmallCampaignAsync(_dir.File("results/ledger.db"));
        var status = new StringWriter();
        var error = new StringWriter();

        using (ReadOnlyPath.Make(_dir.File("results")))
        {
            Assert.Equal(0, await SdlCommandLine.RunAsync(["status", _dir.File("results/ledger.db")], status, error));
            Assert.Equal(0, await SdlCommandLine.RunAsync(["export", _dir.File("results/ledger.db"), "--csv", _dir.File("results.csv")], new StringWriter(), error));
        }

        Assert.Equal(string.Empty, error.ToString());
        Assert.Contains($"{summary.CampaignId}  completed  2/2 proposed", status.ToString(), StringComparison.Ordinal);
        Assert.Equal(3, (await File.ReadAllLinesAsync(_dir.File("results.csv"))).Length);
    }

    [Fact]
    public async Task WorkflowGraph_Quickstart_PrintsMermaid()
    {
        var output = new StringWriter();

        var exit = await SdlCommandLine.RunAsync(["workflow", "graph", RepositoryPaths.Workflow("quickstart.yaml")], output, new StringWriter());

        Assert.Equal(0, exit);
        Assert.Contains("Proposed --> printing : Start", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("compression --> Completed : StepSucceeded", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_Quickstart_SaysValid()
    {
        var output = new StringWriter();

        var exit = await SdlCommandLine.RunAsync(["validate", RepositoryPaths.Workflow("quickstart.yaml")], output, new StringWriter());

        Assert.Equal(0, exit);
        Assert.Contains("valid", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_SharedFacility_AcceptsItAsRunDoes()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await SdlCommandLine.RunAsync(["validate", RepositoryPaths.Workflow("shared-facility.yaml")], output, error);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error.ToString());
        Assert.Contains("shared-facility.yaml: valid — facility 'shared-facility': 3 campaigns", output.ToString(), StringComparison.Ordinal);
    }

    private static Task<SelfDrivingLab.Workflow.Campaigns.CampaignSummary> RunSmallCampaignAsync(string ledger) =>
        CampaignHost.RunAsync(new CampaignHostSettings(CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml")) with { Budget = 2 }) { LedgerPath = ledger })
            .WaitAsync(TimeSpan.FromSeconds(60));
}
