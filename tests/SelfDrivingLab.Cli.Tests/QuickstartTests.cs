using System.Text.Json;
using SelfDrivingLab.Campaigns;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Simulators;

namespace SelfDrivingLab.Cli.Tests;

/// <summary>The README's first command, end to end: `sdl run workflows/quickstart.yaml`.</summary>
[Collection(VirtualClockCollection.Name)]
public sealed class QuickstartTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Run_Quickstart_FindsATop5PercentDesignAndWritesTheSummary()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var path = RepositoryPaths.Workflow("quickstart.yaml");

        var exit = await SdlCommandLine.RunAsync(
            ["run", path, "--ledger", _dir.File("ledger.db"), "--summary-json", _dir.File("summary.json")],
            output,
            error).WaitAsync(TimeSpan.FromSeconds(120));

        Assert.True(exit == 0, $"exit {exit}: {error}");
        var text = output.ToString();
        Assert.Contains("[48/48]", text, StringComparison.Ordinal);
        Assert.Contains("Best measured: toughness", text, StringComparison.Ordinal);
        Assert.Contains(_dir.File("ledger.db"), text, StringComparison.Ordinal);

        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(_dir.File("summary.json")));
        var root = summary.RootElement;
        Assert.Equal(48, root.GetProperty("experiments").GetInt32());
        Assert.Equal(48, root.GetProperty("completed").GetInt32() + root.GetProperty("failed").GetInt32());
        Assert.Equal(_dir.File("ledger.db"), root.GetProperty("ledger").GetString());
        var best = root.GetProperty("best");
        Assert.True(best.GetProperty("value").GetDouble() > 0);

        // Judge against the noise-free ground truth: the mean of the replicates of the nearest design.
        var definition = CampaignLoader.LoadFile(path);
        var truth = new TableGroundTruth((TableGroundTruthDefinition)definition.Simulators.Single(s => s.GroundTruth is not null).GroundTruth!);
        var recommended = Parameters(root.GetProperty("recommended").GetProperty("parameters"));
        var recommendedPercentile = truth.PercentileOf(truth.TrueValue(recommended), higherIsBetter: true);
        Assert.True(recommendedPercentile >= 95, $"recommended design is at the {recommendedPercentile:F1}th percentile of the 600 designs");
    }

    [Fact]
    public async Task Run_BrokenCampaignFile_ExitsWithCode2AndNamesEveryProblem()
    {
        var file = _dir.File("broken.yaml");
        await File.WriteAllTextAsync(file, """
            name: broken
            budjet: 10
            objective: { output: y, goal: maximise }
            space:
              - { name: x, type: continuous, low: 1, high: 0 }
            workflow:
              - { name: measure, capability: m, deadline: 3x, parameters: { x: $x } }
            """);
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await SdlCommandLine.RunAsync(["run", file, "--ledger", _dir.File("ledger.db")], output, error);

        Assert.Equal(ExitCodes.BadInput, exit);
        var message = error.ToString();
        Assert.Contains("budjet", message, StringComparison.Ordinal);
        Assert.Contains("budget", message, StringComparison.Ordinal);
        Assert.Contains("maximise", message, StringComparison.Ordinal);
        Assert.Contains("deadline", message, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("ledger.db")), "nothing may start for a broken file");
    }

    [Fact]
    public async Task Run_MissingFile_ExitsWithCode2()
    {
        var error = new StringWriter();

        var exit = await SdlCommandLine.RunAsync(["run", _dir.File("nope.yaml")], new StringWriter(), error);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("does not exist", error.ToString(), StringComparison.Ordinal);
    }

    private static ParameterSet Parameters(JsonElement element) =>
        new(element.EnumerateObject().Select(p => new KeyValuePair<string, ParameterValue>(
            p.Name, p.Value.ValueKind == JsonValueKind.Number ? ParameterValue.FromNumber(p.Value.GetDouble()) : ParameterValue.FromText(p.Value.GetString()!))));
}
