using System.Text.Json;
using SelfDrivingLab.Campaigns;
using SelfDrivingLab.Cli.Commands.Bench;

namespace SelfDrivingLab.Cli.Tests;

/// <summary><c>sdl bench quickstart</c>: the campaign it measures, and a run on a tiny budget.</summary>
[Collection(VirtualClockCollection.Name)]
public sealed class BenchQuickstartTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Scale_Quickstart_HasTheBudgetParallelismASecondPrinterAndOptionallyTheDefaultProposer()
    {
        var quickstart = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));

        var scaled = QuickstartBenchCommand.Scale(quickstart, budget: 500, parallel: 4, printers: 2, defaultProposer: true);

        Assert.Equal(500, scaled.Budget);
        Assert.Equal(4, scaled.Parallel);
        Assert.Equal(["printer-1", "printer-2", "tester-1"], scaled.Simulators.Select(s => s.Id.Value));
        Assert.Equal(Optimization.Proposals.AcquisitionKind.UpperConfidenceBound, scaled.Proposer.Acquisition);
        Assert.Equal(quickstart.Proposer.InitialCount, scaled.Proposer.InitialCount);
        Assert.Equal(quickstart.Proposer, QuickstartBenchCommand.Scale(quickstart, 500, 4, 2, defaultProposer: false).Proposer);
    }

    [Fact]
    public async Task BenchQuickstart_TinyBudget_CompletesAndPrintsWallTimeAndThePhases()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await SdlCommandLine.RunAsync(
            ["bench", "quickstart", "--file", RepositoryPaths.Workflow("quickstart.yaml"), "--budget", "14", "--parallel", "2", "--json", _dir.File("bench.json")],
            output,
            error).WaitAsync(TimeSpan.FromSeconds(120));

        Assert.True(exit == 0, $"exit {exit}: {error}");
        var text = output.ToString();
        Assert.Contains("budget 14, 2 in flight, 2 synthesis instruments", text, StringComparison.Ordinal);
        Assert.Contains("experiments/s, 14 experiments", text, StringComparison.Ordinal);
        Assert.Contains("hyperparameter-fit", text, StringComparison.Ordinal);
        Assert.Contains("acquisition-search", text, StringComparison.Ordinal);
        Assert.Contains("wall time over 1 run(s): best", text, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(_dir.File("bench.json")));
        var run = json.RootElement.GetProperty("runs")[0];
        Assert.Equal(14, run.GetProperty("experiments").GetInt32());
        Assert.True(run.GetProperty("phases").GetProperty("acquisition-search").GetProperty("count").GetInt32() >= 1);
    }
}
