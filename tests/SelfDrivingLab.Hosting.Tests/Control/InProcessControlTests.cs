using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SelfDrivingLab.Campaigns;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Security;
using SelfDrivingLab.Hosting.Control;
using SelfDrivingLab.Protocol.Control;
using SelfDrivingLab.Workflow.Control;

namespace SelfDrivingLab.Hosting.Tests.Control;

/// <summary>
/// A host whose every proposal waits for an operator (so it stays up): requests made in its process go through the same
/// handler and audit trail as the control topic's; its health names a ledger it could not write.
/// </summary>
[Collection(VirtualClockCollection.Name)]
public sealed class InProcessControlTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly TemporaryDirectory _dir = new();
    private IHost? _host;

    private IHost Host => _host!;

    public async Task InitializeAsync()
    {
        var quickstart = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
        var facility = FacilityDefinition.Single(quickstart with { Budget = 2, Parallel = 1, Approval = new ApprovalPolicy([]) }) with
        {
            Access = new FacilityAccess(
            [
                new BrokerIdentity(FacilityAccess.DefaultOrchestrator, BrokerRole.Orchestrator),
                new BrokerIdentity("olga", BrokerRole.Operator),
                new BrokerIdentity("oscar", BrokerRole.Observer),
            ]),
        };
        _host = CampaignHost.Build(new CampaignHostSettings(facility) { LedgerPath = _dir.File("ledger.db") });
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _host.Services.GetRequiredService<CampaignControl>().ApprovalRequested += _ => held.TrySetResult();
        await _host.StartAsync().WaitAsync(Bound);
        await held.Task.WaitAsync(Bound);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync().WaitAsync(Bound);
            _host.Dispose();
            _host = null;
        }
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task SubmitAsync_OperatorAndObserver_ActAsTheirRolesAllowAndBothAreAudited()
    {
        var control = Host.Services.GetRequiredService<InProcessControl>();
        var campaign = Assert.Single(Host.Services.GetRequiredService<CampaignControl>().Campaigns).Campaign.Value;

        var paused = await control.SubmitAsync(new ControlRequest("r1", ControlAction.Pause, "whoever", campaign, "coffee"), "olga", "dashboard");
        var refused = await control.SubmitAsync(new ControlRequest("r2", ControlAction.Resume, "olga", campaign), "oscar", "dashboard");

        Assert.True(paused.Ok, paused.Message);
        Assert.False(refused.Ok);
        Assert.Equal("'oscar' is an observer: only an operator may resume", refused.Message);
        Assert.Equal("olga", Assert.Single(Host.Services.GetRequiredService<CampaignControl>().Campaigns).ChangedBy);
        var audit = await Host.Services.GetRequiredService<IControlAuditLedger>().GetControlRequestsAsync();
        Assert.Equal(
            [("r1", "olga", ControlRequestOutcome.Accepted), ("r2", "oscar", ControlRequestOutcome.Refused)],
            audit.OrderBy(r => r.RequestId, StringComparer.Ordinal).Select(r => (r.RequestId, r.Identity, r.Outcome)));
        Assert.All(audit, r => Assert.Equal("dashboard", r.ClientId));
    }

    [Fact]
    public async Task CheckAsync_RunningHost_Healthy()
    {
        var report = await Host.Services.GetRequiredService<HostHealth>().CheckAsync();

        Assert.True(report.Healthy, string.Join("; ", report.Problems));
    }

    [ReadOnlyPathFact]
    public async Task CheckAsync_LedgerNotWritable_NamesIt()
    {
        HostHealthReport report;
        using (ReadOnlyPath.Make(_dir.File("ledger.db")))
        {
            report = await Host.Services.GetRequiredService<HostHealth>().CheckAsync();
        }

        var problem = Assert.Single(report.Problems);
        Assert.Contains($"the ledger file {_dir.File("ledger.db")} is", problem, StringComparison.Ordinal);
        Assert.False(report.Healthy);
    }
}
