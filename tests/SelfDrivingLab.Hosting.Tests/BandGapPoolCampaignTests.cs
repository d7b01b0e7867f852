using SelfDrivingLab.Campaigns;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Ledger;
using SelfDrivingLab.Workflow.Campaigns;

namespace SelfDrivingLab.Hosting.Tests;

/// <summary>The pool example (formulas featurized with Magpie, answered by exact match from the table) run end to end.</summary>
[Collection(VirtualClockCollection.Name)]
public sealed class BandGapPoolCampaignTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RunAsync_BandGapPoolExample_CompletesItsBudgetWithDistinctPoolFormulas()
    {
        var definition = CampaignLoader.LoadFile(RepositoryPaths.Workflow("band-gap-pool.yaml"));
        var pool = definition.Pool!.Candidates;
        var settings = new CampaignHostSettings(definition)
        {
            LedgerPath = _dir.File("ledger.db"),
            ExecutionLogDirectory = _dir.File("executions"),
        };

        var summary = await CampaignHost.RunAsync(settings).WaitAsync(Bound);

        Assert.Equal(CampaignStatus.Completed, summary.Status);
        Assert.Equal(definition.Budget, summary.Experiments);
        Assert.Equal(definition.Budget, summary.Completed + summary.Failed);
        await using var ledger = await SqliteLedger.OpenReadOnlyAsync(_dir.File("ledger.db"));
        var experiments = await ledger.GetExperimentsAsync(summary.CampaignId);
        Assert.Equal(definition.Budget, experiments.Select(e => e.Parameters).Distinct().Count());
        Assert.All(experiments, e => Assert.True(pool.IndexOf(e.Parameters) >= 0, $"{e.Parameters} is not in the pool"));
        Assert.Contains(experiments, e => e.Status == ExperimentStatus.Completed && e.Measurements?.ContainsKey("gap expt") == true);
    }
}
