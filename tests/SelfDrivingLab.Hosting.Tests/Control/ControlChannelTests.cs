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
        var started = new FirstResultObserver();

        var run = CampaignHost.RunAsync(settings, started);
        await started.FirstResult.WaitAsync(Bound);
        var endpoint = ControlEndpoint.Read(ledgerPath);
        Assert.Equal("lab", endpoint.Site);
        Assert.Equal(Environment.ProcessId, endpoint.ProcessId);

        var paused = await SendAsync(endpoint, ControlAction.Pause, definition.Name, "check the printer nozzle");
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
        }

        Assert.False(File.Exists(ControlEndpoint.FileFor(ledgerPath)), "the endpoint file outlived the host");
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

    private sealed class FirstResultObserver : ICampaignObserver
    {
        private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task FirstResult => _first.Task;

        public void OnExperimentFinished(CampaignProgress progress) => _first.TrySetResult();
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
