using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SelfDrivingLab.Campaigns;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Time;
using SelfDrivingLab.Hosting.Control;
using SelfDrivingLab.Ledger;
using SelfDrivingLab.Protocol.Control;
using SelfDrivingLab.Workflow.Instruments;

namespace SelfDrivingLab.Hosting.Tests.Control;

/// <summary>The circuit breaker in a whole campaign: a printer that always fails is quarantined, and an operator returns it to service over the control channel.</summary>
[Collection(VirtualClockCollection.Name)]
public sealed class QuarantineHostTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task FailingInstrument_IsQuarantinedAndReturnedToServiceByAnOperator()
    {
        var quickstart = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
        var definition = quickstart with
        {
            Budget = 6,
            Parallel = 1,
            Simulators = [.. quickstart.Simulators.Select(s => s.Capability == "print" ? s with { FailureRate = 0.999999 } : s)],
        };
        var ledgerPath = _dir.File("ledger.db");
        using var host = CampaignHost.Build(new CampaignHostSettings(definition) { LedgerPath = ledgerPath, QuarantineAfterFailures = 3 });
        var gateway = host.Services.GetRequiredService<PooledInstrumentGateway>();
        var clock = host.Services.GetRequiredService<IWorkTracker>();
        Task<ControlResponse>? returned = null;
        ControlResponse? statusWhileQuarantined = null;
        gateway.InstrumentQuarantined += quarantined =>
        {
            if (returned is not null)
            {
                return;
            }

            // The step waiting for a printer holds the campaign; the operator looks, then returns the printer.
            // On the virtual clock an idle lab jumps straight to the step's wait limit, so the simulated
            // operator holds the clock while acting: the decision takes no lab time.
            var endpoint = ControlEndpoint.Read(ledgerPath);
            var operatorActing = clock.Begin();
            returned = Task.Run(async () =>
            {
                using var acting = operatorActing;
                statusWhileQuarantined = await ControlClient.SendAsync(endpoint, new ControlRequest("q-status", ControlAction.Status, "tester"), TimeSpan.FromSeconds(30), TimeProvider.System);
                var unknown = await ControlClient.SendAsync(endpoint, new ControlRequest("q-unknown", ControlAction.ReturnToService, "tester", "no-such-printer"), TimeSpan.FromSeconds(30), TimeProvider.System);
                Assert.False(unknown.Ok);
                Assert.Contains($"quarantined: lab/{quarantined.Instrument}", unknown.Message, StringComparison.Ordinal);
                return await ControlClient.SendAsync(endpoint, new ControlRequest("q-return", ControlAction.ReturnToService, "tester", quarantined.Instrument.Value), TimeSpan.FromSeconds(30), TimeProvider.System);
            });
        };

        await host.RunAsync().WaitAsync(Bound);

        Assert.NotNull(returned);
        var answer = await returned.WaitAsync(Bound);
        Assert.True(answer.Ok, answer.Message);
        var listed = Assert.Single(statusWhileQuarantined!.Quarantined!);
        Assert.Contains("3", listed.Reason, StringComparison.Ordinal);
        await using var ledger = await SqliteLedger.OpenReadOnlyAsync(ledgerPath);
        var campaign = Assert.Single(await ledger.ListCampaignsAsync());
        Assert.Equal(CampaignStatus.Completed, campaign.Status);
        var experiments = await ledger.GetExperimentsAsync(campaign.Id);
        Assert.Equal(6, experiments.Count);
        Assert.All(experiments, e => Assert.Equal(ExperimentStatus.Failed, e.Status));

        // Quarantined after 3 failures, returned by the operator, quarantined again after 3 more.
        var history = (await ledger.GetInstrumentStatusesAsync()).Where(s => s.Instrument.Value == listed.Instrument).ToList();
        Assert.Equal(
            [InstrumentStatusKind.Quarantined, InstrumentStatusKind.ReturnedToService, InstrumentStatusKind.Quarantined],
            history.Select(h => h.Kind));
        // The authenticated identity of the local run's operator, not the self-declared "tester".
        Assert.Equal("operator", history[1].Actor);
    }
}
