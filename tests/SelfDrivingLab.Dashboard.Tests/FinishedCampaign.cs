using SelfDrivingLab.Campaigns;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Hosting;
using SelfDrivingLab.Ledger;
using SelfDrivingLab.Workflow.Campaigns;

namespace SelfDrivingLab.Dashboard.Tests;

/// <summary>A small simulated quickstart campaign (8 experiments) run once to the end into a ledger, for the tests of a class.</summary>
public sealed class FinishedCampaign : IAsyncLifetime, IDisposable
{
    public const int Budget = 8;

    private readonly TemporaryDirectory _dir = new();

    public string LedgerPath => _dir.File("ledger.db");

    public CampaignSummary Summary { get; private set; } = null!;

    public IReadOnlyList<ExperimentRecord> Experiments { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var quickstart = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
        var definition = quickstart with { Budget = Budget, Proposer = quickstart.Proposer with { InitialCount = 5 } };
        var settings = new CampaignHostSettings(definition) { LedgerPath = LedgerPath, ExecutionLogDirectory = _dir.File("executions") };
        Summary = await CampaignHost.RunAsync(settings).WaitAsync(TimeSpan.FromSeconds(120));
        await using var ledger = await SqliteLedger.OpenReadOnlyAsync(LedgerPath);
        Experiments = await ledger.GetExperimentsAsync(Summary.CampaignId);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    // xUnit calls this after DisposeAsync.
    public void Dispose() => _dir.Dispose();
}
