using System.Text.Json;
using Npgsql;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Instruments.Sdk;
using SelfDrivingLab.Transport.Mqtt.Security;
using SelfDrivingLab.Protocol.Control;
using SelfDrivingLab.Hosting.Simulation;
using SelfDrivingLab.Hosting.Control;
using SelfDrivingLab.Ledger.Postgres;
using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Tests.Postgres;
using SelfDrivingLab.Tests.Sites;

namespace SelfDrivingLab.Hosting.Tests.Sites;

/// <summary>
/// Issue 14, done when: a campaign hosted at lab-a on the PostgreSQL ledger prints at lab-a, ships the sample and
/// compression-tests it at lab-b, on two Mosquitto brokers joined by the generated bridge; the link is cut (lab-b's broker
/// killed) while a command to lab-b is in flight and restored; the campaign still completes its budget with nothing lost
/// and nothing executed twice, judged from the ledger and the simulators' execution logs.
/// </summary>
public sealed class FacilityAcrossSitesTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>, IDisposable
{
    private const int Budget = 4;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [RequiresCommandsFact("mosquitto")]
    public Task RunAsync_OtherSitesBrokerCrashesWhileACommandToItIsInFlight_CompletesTheBudgetWithNothingExecutedTwice() =>
        RunWithOutageAsync(
            "broker_crash",
            sites =>
            {
                sites.RemoteBroker.Crash(); // the bridge and lab-b's instruments lose it
                return Task.CompletedTask;
            },
            sites => sites.RemoteBroker.StartAgainAsync());

    [RequiresCommandsFact("mosquitto")]
    public Task RunAsync_OnlyTheBridgeDropsWhileACommandToTheOtherSiteIsInFlight_CompletesTheBudgetWithNothingExecutedTwice() =>
        RunWithOutageAsync(
            "bridge_cut",
            sites =>
            {
                sites.BridgeLink.Cut(); // lab-b's instruments stay connected to their broker; only the link between sites breaks
                return Task.CompletedTask;
            },
            sites =>
            {
                sites.BridgeLink.Restore();
                return Task.CompletedTask;
            });

    [RequiresCommandsFact("mosquitto")]
    public async Task RunAsync_OneSimulatorProcessPerSiteOnItsOwnBroker_CompletesTheBudgetWithNothingExecutedTwice()
    {
        // sdl simulate --site at each site: lab-a's instruments on the hub's broker, lab-b's on lab-b's; the host at the hub.
        await using var sites = await TwoSiteFacility.StartAsync(Fast(TwoSiteFacility.LoadExample()), _dir.File("brokers"));
        var atHub = sites.HostSettings(ConnectionString("per_site"), _dir.Path);
        using var stopInstruments = new CancellationTokenSource();
        var labA = SimulatorHost.RunAsync(atHub with { SimulatorSite = TwoSiteFacility.Hub }, stopInstruments.Token);
        var labB = SimulatorHost.RunAsync(
            atHub with { SimulatorSite = TwoSiteFacility.Remote, Broker = new BrokerAddress("127.0.0.1", sites.RemoteBroker.Port) }, stopInstruments.Token);

        var running = CampaignHost.RunAsync(atHub with { ExternalInstruments = true });
        var first = await Task.WhenAny(running, labA, labB).WaitAsync(Bound);
        Assert.True(first == running, $"a simulator host stopped before the campaign ended: {first.Exception?.GetBaseException().Message}");
        var summary = await running;
        await stopInstruments.CancelAsync();
        await Task.WhenAll(labA, labB).WaitAsync(Bound);

        Assert.True(summary.Status == CampaignStatus.Completed, summary.Error);
        Assert.Equal(Budget, summary.Completed);
        await AssertExactlyOnceAsync("per_site");
    }

    [RequiresCommandsFact("mosquitto")]
    public async Task RunAsync_HostAtTheOtherSite_AnswersAnOperatorOnTheHubsBroker()
    {
        // A host that runs the campaign at lab-b (as a standby does after a takeover), on lab-b's broker; its instruments
        // at both sites. An operator at the hub reaches it through the bridge, on the facility's control channel.
        await using var sites = await TwoSiteFacility.StartAsync(Fast(TwoSiteFacility.LoadExample()), _dir.File("brokers"));
        var atHub = sites.HostSettings(ConnectionString("remote_host"), _dir.Path);
        using var stopInstruments = new CancellationTokenSource();
        var instruments = SimulatorHost.RunAsync(atHub, stopInstruments.Token);
        using var held = new CampaignHeldAtFirstResult(Bound);
        var running = CampaignHost.RunAsync(atHub with { Broker = new BrokerAddress("127.0.0.1", sites.RemoteBroker.Port), ExternalInstruments = true }, held);
        await await Task.WhenAny(held.FirstResult, running, instruments);
        ControlResponse status;
        try
        {
            var alice = _dir.File("alice.json");
            new BrokerCredentials(new Dictionary<string, string> { ["alice"] = BrokerCredentials.Read(sites.CredentialsFile).PasswordOf("alice")! }).Write(alice);
            var endpoint = new ControlEndpoint("127.0.0.1", sites.HubBroker.Port, TwoSiteFacility.Hub.Value, 0, CredentialsFile: alice);
            status = await ControlClient.SendAsync(endpoint, new ControlRequest("status-across-sites", ControlAction.Status, "alice"), TimeSpan.FromSeconds(30), TimeProvider.System);
        }
        finally
        {
            held.Release();
        }

        var summary = await running.WaitAsync(Bound);
        await stopInstruments.CancelAsync();
        await instruments.WaitAsync(Bound);

        Assert.True(status.Ok, status.Message);
        Assert.Equal(sites.Facility.Campaigns[0].Name, Assert.Single(status.Campaigns!).Name);
        Assert.True(summary.Status == CampaignStatus.Completed, summary.Error);
        Assert.Equal(Budget, summary.Completed);
    }

    // Each test on a ledger schema of its own (the class shares one database).
    private async Task RunWithOutageAsync(string schema, Func<TwoSiteFacility, Task> cut, Func<TwoSiteFacility, Task> restore)
    {
        await using var sites = await TwoSiteFacility.StartAsync(Fast(TwoSiteFacility.LoadExample()), _dir.File("brokers"));
        using var watcher = await SiteTrafficWatcher.StartAsync(sites);
        await watcher.LinkAsync(up: true, Bound);

        var running = CampaignHost.RunAsync(sites.HostSettings(ConnectionString(schema), _dir.Path));

        // The chosen moment: lab-b's tester has started the first command sent to it across the bridge (its first event is
        // back at the hub) and works on it for 1.5 s.
        var command = await watcher.NextAsync(t => t.EndsWith("/tester-b1/command", StringComparison.Ordinal), _ => true, Bound);
        var inFlight = JsonDocument.Parse(command).RootElement.GetProperty("command_id").GetString()!;
        await watcher.NextAsync(t => t.EndsWith("/tester-b1/event", StringComparison.Ordinal), p => p.Contains(inFlight, StringComparison.Ordinal), Bound);
        var cutAt = TimeProvider.System.GetUtcNow();
        await cut(sites);
        await watcher.LinkAsync(up: false, Bound);
        await restore(sites);
        await watcher.LinkAsync(up: true, Bound);
        var summary = await running.WaitAsync(Bound);

        Assert.True(summary.Status == CampaignStatus.Completed, summary.Error);
        Assert.Equal(Budget, summary.Completed);
        var records = await AssertExactlyOnceAsync(schema);

        // The link was cut while that command ran: after the tester took it (its first event had crossed back), before it
        // finished (the execution log stamps the start once the action begins, a moment after that first event); it ran once.
        var execution = Assert.Single(records, r => r.CommandId == new CommandId(inFlight));
        Assert.True(cutAt < execution.FinishedAt, $"the link was cut at {cutAt:O}, after the command ended ({execution.StartedAt:O} - {execution.FinishedAt:O})");
        Assert.Equal(InstrumentEventKind.Completed, execution.Outcome);
    }

    /// <summary>
    /// From the ledger and the execution logs: every experiment completed, each step ran once under one command id, nothing
    /// ran that the ledger had not sent, each command is stored with the site it went to, and each timeline has the transfer.
    /// </summary>
    private async Task<List<ExecutionRecord>> AssertExactlyOnceAsync(string schema)
    {
        await using var ledger = await PostgresLedger.OpenReadOnlyAsync(database.Location(schema));
        var campaign = Assert.Single(await ledger.ListCampaignsAsync());
        Assert.Equal(CampaignStatus.Completed, campaign.Status);
        var experiments = await ledger.GetExperimentsAsync(campaign.Id);
        Assert.Equal(Enumerable.Range(1, Budget), experiments.Select(e => e.Sequence).Order());
        Assert.All(experiments, e => Assert.True(e.Status == ExperimentStatus.Completed, $"{e.Id} is {e.Status}: {e.FailureReason}"));

        var records = new List<ExecutionRecord>();
        foreach (var file in Directory.GetFiles(_dir.File("executions"), "*.executions.jsonl"))
        {
            records.AddRange(await ExecutionLogFile.ReadAllAsync(file));
        }

        Assert.All(records.GroupBy(r => r.CommandId), g => Assert.True(g.Count() == 1, $"command {g.Key} executed {g.Count()} times"));
        Assert.All(records.GroupBy(r => (r.Experiment, r.Action)), g => Assert.True(g.Count() == 1, $"{g.Key.Experiment} step {g.Key.Action} executed {g.Count()} times"));
        Assert.Equal(2 * Budget, records.Count);
        foreach (var experiment in experiments)
        {
            var commands = await ledger.GetCommandsAsync(experiment.Id);
            Assert.All(records.Where(r => r.Experiment == experiment.Id), r => Assert.Contains(r.CommandId, commands.Select(c => c.Id)));
            var measured = Assert.Single(records, r => r.Experiment == experiment.Id && r.Action == "compression-test");
            Assert.Equal(measured.Results!.GetNumber("toughness"), experiment.Objective);
            Assert.Equal(
                [("print", (SiteId?)TwoSiteFacility.Hub), ("compression-test", TwoSiteFacility.Remote)],
                commands.Where(c => records.Any(r => r.CommandId == c.Id)).Select(c => (c.Action, c.Site)));
            var timeline = await ledger.GetTransitionsAsync(experiment.Id);
            Assert.Equal(["Proposed", "printing", "ship-to-b", "compression", "Completed"], timeline.Select(t => t.To));
        }

        return records;
    }

    // Instruments that answer in a moment (the tester in 1.5 s, long enough to cut the link under it), a short shipment.
    private static FacilityDefinition Fast(FacilityDefinition facility)
    {
        var campaign = facility.Campaigns[0];
        var fast = new DurationDistribution(TimeSpan.FromMilliseconds(200), TimeSpan.Zero);
        var slow = new DurationDistribution(TimeSpan.FromMilliseconds(1500), TimeSpan.Zero);
        campaign = campaign with
        {
            Budget = Budget,
            Parallel = 2,
            Proposer = campaign.Proposer with { InitialCount = Budget },
            Steps = [.. campaign.Steps.Select(s => s.Transfer is { } t
                ? WorkflowStepDefinition.ForTransfer(s.Name, t with { Duration = TimeSpan.FromMilliseconds(300) })
                : s with { Deadline = TimeSpan.FromSeconds(30) })],
        };
        return facility with
        {
            Campaigns = [campaign],
            Simulators = [.. facility.Simulators.Select(s => s with { Duration = s.Site is null ? fast : slow, FailureRate = 0 })],
        };
    }

    private string ConnectionString(string schema) => new NpgsqlConnectionStringBuilder(database.ConnectionString) { SearchPath = schema }.ConnectionString;
}
