using SelfDrivingLab.Campaigns;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Hosting.Control;
using SelfDrivingLab.Ledger;
using SelfDrivingLab.Protocol.Control;
using SelfDrivingLab.Workflow.Campaigns;

namespace SelfDrivingLab.Hosting.Tests.Control;

/// <summary>Operator requests over the running host's broker, as <c>sdl control</c> sends them.</summary>
[Collection(VirtualClockCollection.Name)]
public sealed class ControlChannelTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Answer = TimeSpan.FromSeconds(10);
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ControlChannel_PauseStatusAbort_TakeEffectAndAreAnswered()
    {
        var definition = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
        var ledgerPath = _dir.File("ledger.db");
        var settings = new CampaignHostSettings(definition) { LedgerPath = ledgerPath };
        using var started = new CampaignHeldAtFirstResult(Bound);

        var run = CampaignHost.RunAsync(settings, started);
        await started.FirstResult.WaitAsync(Bound);
        var endpoint = ControlEndpoint.Read(ledgerPath);
        Assert.Equal("lab", endpoint.Site);
        Assert.Equal(Environment.ProcessId, endpoint.ProcessId);

        var paused = await SendAsync(endpoint, ControlAction.Pause, definition.Name, "check the printer nozzle");
        started.Release();
        Assert.True(paused.Ok, paused.Message);
        var status = await SendAsync(endpoint, ControlAction.Status, null);
        var campaign = Assert.Single(status.Campaigns!);
        // Recorded as the authenticated identity (the local run's operator), not the self-declared "tester".
        Assert.Equal(("paused", "operator", "check the printer nozzle"), (campaign.State, campaign.ChangedBy, campaign.Reason));
        Assert.Empty(status.Pending!);

        var unknown = await SendAsync(endpoint, ControlAction.Approve, "no-such-experiment");
        Assert.False(unknown.Ok);
        Assert.Contains("'no-such-experiment'", unknown.Message, StringComparison.Ordinal);
        var wrongCampaign = await SendAsync(endpoint, ControlAction.Resume, "no-such-campaign");
        Assert.False(wrongCampaign.Ok);
        Assert.Contains(definition.Name, wrongCampaign.Message, StringComparison.Ordinal);

        var aborted = await SendAsync(endpoint, ControlAction.Abort, campaign.Campaign, "end of shift");
        Assert.True(aborted.Ok, aborted.Message);
        var summary = await run.WaitAsync(Bound);

        Assert.Equal(CampaignStatus.Aborted, summary.Status);
        Assert.True(summary.Experiments < definition.Budget, $"{summary.Experiments} experiments were proposed although the campaign was paused early");
        await using (var ledger = await SqliteLedger.OpenReadOnlyAsync(ledgerPath))
        {
            Assert.Equal(CampaignStatus.Aborted, (await ledger.FindCampaignAsync(summary.CampaignId))!.Status);
            Assert.DoesNotContain(await ledger.GetExperimentsAsync(summary.CampaignId), e => e.Status is ExperimentStatus.Running or ExperimentStatus.Proposed);

            // The audit trail: every request but the status query, accepted or refused, in order, with who, what and why.
            var audit = await ledger.GetControlRequestsAsync();
            Assert.Equal(
                [
                    ("pause", definition.Name, "check the printer nozzle", ControlRequestOutcome.Accepted),
                    ("approve", "no-such-experiment", null, ControlRequestOutcome.Refused),
                    ("resume", "no-such-campaign", null, ControlRequestOutcome.Refused),
                    ("abort", campaign.Campaign, "end of shift", ControlRequestOutcome.Accepted),
                ],
                audit.Select(a => (a.Action, a.Target, a.Reason, a.Outcome)));
            Assert.All(audit, a => Assert.Equal(("operator", "operator", "lab"), (a.Operator, a.Identity, a.Site)));
            Assert.Equal(unknown.Message, audit[1].Detail);
            Assert.True(audit.Zip(audit.Skip(1)).All(p => p.First.At <= p.Second.At));
            Assert.Equal(("operator", "check the printer nozzle"), ((await ledger.FindCampaignAsync(summary.CampaignId))!.Pause?.By, (await ledger.FindCampaignAsync(summary.CampaignId))!.Pause?.Reason));
        }

        Assert.False(File.Exists(ControlEndpoint.FileFor(ledgerPath)), "the endpoint file outlived the host");
    }

    [Fact]
    public async Task Pause_ThenTheHostStopsAndRestarts_TheCampaignResumesPausedUntilAnOperatorResumesIt()
    {
        var definition = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
        var ledgerPath = _dir.File("ledger.db");
        var settings = new CampaignHostSettings(definition) { LedgerPath = ledgerPath };
        CampaignSummary interrupted;
        using (var stop = new CancellationTokenSource())
        {
            using var started = new CampaignHeldAtFirstResult(Bound);
            var first = CampaignHost.RunAsync(settings, started, stop.Token);
            await started.FirstResult.WaitAsync(Bound);
            var paused = await SendAsync(ControlEndpoint.Read(ledgerPath), ControlAction.Pause, definition.Name, "refill filament");
            started.Release();
            Assert.True(paused.Ok, paused.Message);
            await stop.CancelAsync();
            interrupted = await first.WaitAsync(Bound);
        }

        Assert.Equal(CampaignStatus.Interrupted, interrupted.Status);
        var resumed = new ResumedObserver();
        var second = CampaignHost.RunAsync(settings, resumed);
        var pause = await resumed.Resumed.WaitAsync(Bound);
        Assert.Equal(("operator", "refill filament"), (pause?.By, pause?.Reason));
        var endpoint = ControlEndpoint.Read(ledgerPath);
        var status = await SendAsync(endpoint, ControlAction.Status, null);
        Assert.Equal(("paused", "operator", "refill filament"), (status.Campaigns!.Single().State, status.Campaigns!.Single().ChangedBy, status.Campaigns!.Single().Reason));
        Assert.Equal(0, resumed.FinishedSinceResume);

        var goOn = await SendAsync(endpoint, ControlAction.Resume, definition.Name);
        Assert.True(goOn.Ok, goOn.Message);
        var summary = await second.WaitAsync(Bound);

        Assert.Equal((interrupted.CampaignId, CampaignStatus.Completed, definition.Budget), (summary.CampaignId, summary.Status, summary.Experiments));
        await using var ledger = await SqliteLedger.OpenReadOnlyAsync(ledgerPath);
        Assert.Null((await ledger.FindCampaignAsync(summary.CampaignId))!.Pause);
        Assert.Equal(["pause", "resume"], (await ledger.GetControlRequestsAsync()).Select(a => a.Action));
    }

    [Fact]
    public async Task ControlClient_NoHostAnswering_TimesOutWithAClearError()
    {
        await using var broker = new Transport.Mqtt.EmbeddedMqttBroker(new Transport.Mqtt.MqttOptions());
        await broker.StartAsync();
        var endpoint = OperatorEndpoint(broker, "nowhere");

        var ex = await Assert.ThrowsAsync<CampaignHostException>(() =>
            ControlClient.SendAsync(endpoint, new ControlRequest("r1", ControlAction.Status, "tester"), TimeSpan.FromSeconds(1), TimeProvider.System));

        Assert.Contains("no answer from the orchestrator of site 'nowhere'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ControlClient_NoCredentials_RefusedByTheEmbeddedBrokerWithAClearError()
    {
        await using var broker = new Transport.Mqtt.EmbeddedMqttBroker(new Transport.Mqtt.MqttOptions());
        await broker.StartAsync();
        var endpoint = OperatorEndpoint(broker, "lab") with { CredentialsFile = null };

        var ex = await Assert.ThrowsAsync<CampaignHostException>(() =>
            ControlClient.SendAsync(endpoint, new ControlRequest("r1", ControlAction.Status, "tester"), TimeSpan.FromSeconds(5), TimeProvider.System));

        Assert.Contains("BadUserNameOrPassword", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ControlEndpoint_NoHostOnLedger_NamesTheMissingFile()
    {
        var ex = Assert.Throws<CampaignHostException>(() => ControlEndpoint.Read(_dir.File("idle.db")));

        Assert.Contains("no host is running on ledger", ex.Message, StringComparison.Ordinal);
        Assert.Contains("idle.db.control.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ControlEndpoint_LeftOverByADeadHost_SaysTheHostIsGone()
    {
        var ledger = _dir.File("killed.db");
        using (var finished = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("true") { UseShellExecute = false })!)
        {
            finished.WaitForExit();
            new ControlEndpoint("127.0.0.1", 1883, "lab", finished.Id).Write(ledger);
        }

        var ex = Assert.Throws<CampaignHostException>(() => ControlEndpoint.Read(ledger));

        Assert.Contains("is no longer running", ex.Message, StringComparison.Ordinal);
    }

    private static Task<ControlResponse> SendAsync(ControlEndpoint endpoint, ControlAction action, string? target, string? reason = null) =>
        ControlClient.SendAsync(endpoint, new ControlRequest($"t-{Guid.NewGuid():N}", action, "tester", target, reason), Answer, TimeProvider.System);

    private sealed class ResumedObserver : ICampaignObserver
    {
        private readonly TaskCompletionSource<Core.Ledger.CampaignPause?> _resumed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _finished;

        public Task<Core.Ledger.CampaignPause?> Resumed => _resumed.Task;

        public int FinishedSinceResume => Volatile.Read(ref _finished);

        public void OnCampaignResumed(CampaignResumption resumption) => _resumed.TrySetResult(resumption.Pause);

        public void OnExperimentFinished(CampaignProgress progress) => Interlocked.Increment(ref _finished);
    }

    // What a local run writes for sdl control: the broker's certificate and an operator's credentials (here its only identity).
    private ControlEndpoint OperatorEndpoint(Transport.Mqtt.EmbeddedMqttBroker broker, string site)
    {
        var credentials = _dir.File($"operator-{Guid.NewGuid():N}.json");
        var name = broker.Access.DefaultUserName;
        new Transport.Mqtt.Security.BrokerCredentials(new Dictionary<string, string> { [name] = broker.Access.Credentials.PasswordOf(name)! }).Write(credentials);
        var ca = _dir.File($"broker-{Guid.NewGuid():N}.pem");
        File.WriteAllText(ca, broker.Certificate.ExportCertificatePem());
        return new ControlEndpoint("127.0.0.1", broker.Port, site, 0, Tls: true, CaFile: ca, CredentialsFile: credentials);
    }
}
