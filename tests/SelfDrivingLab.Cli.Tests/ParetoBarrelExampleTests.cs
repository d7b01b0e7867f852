using System.Text.Json;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Ledger;

namespace SelfDrivingLab.Cli.Tests;

/// <summary>`sdl run workflows/pareto-barrel.yaml`: two objectives and prior data, end to end (README, "Several objectives").</summary>
[Collection(VirtualClockCollection.Name)]
public sealed class ParetoBarrelExampleTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Run_TwoObjectivesWithPriorData_ReportsTheParetoFrontAndStoresThePriorApart()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await SdlCommandLine.RunAsync(
            ["run", RepositoryPaths.Workflow("pareto-barrel.yaml"), "--ledger", _dir.File("ledger.db"), "--summary-json", _dir.File("summary.json")],
            output,
            error).WaitAsync(TimeSpan.FromSeconds(120));

        Assert.True(exit == 0, $"exit {exit}: {error}");
        var text = output.ToString();
        Assert.Contains("Prior data: 8 of 8 rows of crossed_barrel_prior.csv train the model from the start", text, StringComparison.Ordinal);
        Assert.Contains("Pareto front (measured): ", text, StringComparison.Ordinal);
        Assert.Contains("Recommended front (model estimates of tested designs)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Best measured", text, StringComparison.Ordinal);

        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(_dir.File("summary.json")));
        var root = summary.RootElement;
        Assert.Equal(24, root.GetProperty("experiments").GetInt32());
        Assert.Equal(8, root.GetProperty("prior_rows").GetInt32());
        Assert.True(root.GetProperty("hypervolume").GetDouble() > 0);
        var front = root.GetProperty("pareto_front").EnumerateArray().ToList();
        Assert.NotEmpty(front);
        Assert.All(front, m => Assert.True(m.GetProperty("objectives").GetProperty("toughness").GetDouble() >= 10, "at_least: 10 holds on the front"));

        await using var ledger = await SqliteLedger.OpenReadOnlyAsync(_dir.File("ledger.db"));
        var campaign = new CampaignId(root.GetProperty("campaign").GetString()!);
        Assert.Equal(8, (await ledger.GetPriorDataAsync(campaign)).Count);
        Assert.Equal(24, (await ledger.GetExperimentsAsync(campaign)).Count);
        Assert.All(await ledger.GetExperimentsAsync(campaign), e => Assert.True(e.Objectives is null || e.Objectives.Count == 2));
    }
}
