using System.Globalization;
using System.Text.Json;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Ledger.Postgres;
using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Tests.Postgres;
using SelfDrivingLab.Tests.Sites;
using Xunit.Abstractions;

namespace SelfDrivingLab.Cli.Tests.Crash;

/// <summary>
/// Issue 14, done when: two Mosquitto brokers configured by <c>sdl facility broker-config</c>'s files and bridged (lab-a the
/// hub), the PostgreSQL ledger, the simulated instruments of both sites (<c>sdl simulate</c>: each connects to its own site's
/// broker), an owning host at lab-a on the hub's broker and a <c>--standby</c> host on lab-b's broker, whose commands to
/// lab-a's printer cross the bridge. The bridge is cut while a command to lab-b is in flight and restored; later the owner is
/// SIGKILLed mid-campaign while another command to lab-b is in flight. The standby finishes the campaign with exactly its
/// budget, nothing lost or executed twice, every command after the takeover under its lease, the transfer in every
/// experiment's timeline.
/// </summary>
public sealed class FacilityAcrossSitesTakeoverTests(PostgresTestDatabase database, ITestOutputHelper output) : IClassFixture<PostgresTestDatabase>, IDisposable
{
    private const int Budget = 10;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);

    // A short lease keeps the test short: renewals every second, dispatching pauses after 2 s without one.
    private static readonly Dictionary<string, string> Environment = new()
    {
        ["Ledger__LeaseDuration"] = "00:00:03",
        ["Campaign__StopGracePeriod"] = "00:00:02",
    };

    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [RequiresCommandsFact("mosquitto")]
    public async Task Run_BridgeCutThenOwnerKilled_StandbyAtTheOtherSiteFinishesExactlyOnce()
    {
        var started = TimeProvider.System.GetTimestamp();
        await using var sites = await TwoSiteFacility.StartAsync(TwoSiteFacility.LoadExample(), _dir.File("brokers"));
        using var watcher = await SiteTrafficWatcher.StartAsync(sites);
        await watcher.LinkAsync(up: true, Bound);
        var facility = TwoSiteFacilityText.Write(_dir.Path, sites.Facility.OtherSites[0].Port, Budget);
        var executions = _dir.File("executions");
        using var simulator = SdlProcess.Start(
            "simulate", facility, "--broker", Address(sites.HubBroker), "--credentials", sites.CredentialsFile,
            "--journal-dir", _dir.File("journal"), "--execution-log-dir", executions);
        var probe = new PostgresCampaignProbe(database, "across_sites");
        try
        {
            using var owner = SdlProcess.Start(Environment, Run(facility, sites.HubBroker, sites, probe));

            // Moment 1: lab-b's tester has started the first command sent to it across the bridge (its first event is back
            // at the hub); the bridge goes down under it and comes back.
            var bridgeCut = await InFlightAtLabBAsync(watcher);
            var cutAt = TimeProvider.System.GetUtcNow();
            sites.BridgeLink.Cut();
            await watcher.LinkAsync(up: false, Bound);
            sites.BridgeLink.Restore();
            await watcher.LinkAsync(up: true, Bound);

            // Moment 2: the standby waiting at lab-b (started now, early enough however slowly it starts under load), 4
            // experiments done, and another command to lab-b in flight.
            using var standby = SdlProcess.Start(Environment, [.. Run(facility, sites.RemoteBroker, sites, probe), "--standby"]);
            Assert.True(await standby.WaitForOutputAsync($"Standing by for campaign '{TwoSiteFacilityText.Campaign}'", Bound), standby.Output);
            await probe.WaitForFinishedAsync(4, owner, Bound);
            watcher.Skip();
            var killedUnder = await InFlightAtLabBAsync(watcher);
            await owner.KillAsync();
            var killedAt = TimeProvider.System.GetUtcNow();

            Assert.True(await standby.WaitForExitAsync(Bound), $"the standby did not finish:\n{standby.Output}");
            output.WriteLine($"owner:\n{owner.Output}\nstandby:\n{standby.Output}");
            Assert.True(standby.ExitCode == 0, standby.Output);
            Assert.Contains($"Took campaign '{TwoSiteFacilityText.Campaign}' over from", standby.Output, StringComparison.Ordinal);

            await using var ledger = await PostgresLedger.OpenReadOnlyAsync(database.Location(probe.Schema));
            var records = await CrashTests.AssertExactlyOnceAsync(ledger, executions, Budget, measurement: "compression-test", output: "toughness");
            await AssertEachStepAtItsSiteWithTheTransferAsync(ledger);

            // Both chosen commands ran once, to completion, and each moment fell inside its execution.
            var first = Assert.Single(records, r => r.CommandId == bridgeCut);
            Assert.Equal(InstrumentEventKind.Completed, first.Outcome);
            Assert.True(cutAt < first.FinishedAt, $"the bridge was cut at {cutAt:O}, after the command ended ({first.StartedAt:O} - {first.FinishedAt:O})");
            var second = Assert.Single(records, r => r.CommandId == killedUnder);
            Assert.Equal(InstrumentEventKind.Completed, second.Outcome);
            Assert.True(killedAt < second.FinishedAt, $"the owner was killed at {killedAt:O}, after the command ended ({second.StartedAt:O} - {second.FinishedAt:O})");

            // Before the takeover the owner's lease (epoch 1), after it only the standby's (epoch 2, its pid).
            var takenOverAt = new DateTimeOffset(await probe.ScalarAsync<DateTime>("SELECT acquired_at FROM campaign_leases"), TimeSpan.Zero);
            var commands = await probe.CommandLeasesAsync();
            Assert.Equal([1L, 2L], commands.Select(c => c.Epoch).Distinct().Order());
            Assert.All(commands.Where(c => c.SentAt >= takenOverAt), c => Assert.Equal(2L, c.Epoch));
            Assert.All(commands.Where(c => c.Epoch == 1), c => Assert.True(c.SentAt < takenOverAt, $"command {c.Id} was recorded under epoch 1 at {c.SentAt:O}, after the takeover at {takenOverAt:O}"));
            Assert.All(commands.Where(c => c.Epoch == 2), c => Assert.Contains(" pid " + standby.Id.ToString(CultureInfo.InvariantCulture) + " ", c.Owner, StringComparison.Ordinal));
            Assert.All(commands.Where(c => c.Epoch == 1), c => Assert.Contains(" pid " + owner.Id.ToString(CultureInfo.InvariantCulture) + " ", c.Owner, StringComparison.Ordinal));

            var firstDispatch = commands.Where(c => c.Epoch == 2).Min(c => c.SentAt);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"takeover: {(firstDispatch - killedAt).TotalSeconds:F2} s from SIGKILL to the standby's first dispatch (lease 3 s); test {TimeProvider.System.GetElapsedTime(started).TotalSeconds:F1} s; {commands.Count} commands, {commands.Count(c => c.Epoch == 2)} by the standby"));
        }
        finally
        {
            await simulator.KillAsync();
        }
    }

    // Reads lab-b's traffic until a command to its tester has been taken (its first event is back at the hub); returns its id.
    private static async Task<CommandId> InFlightAtLabBAsync(SiteTrafficWatcher watcher)
    {
        var command = await watcher.NextAsync(t => t.EndsWith("/tester-b1/command", StringComparison.Ordinal), _ => true, Bound);
        var id = JsonDocument.Parse(command).RootElement.GetProperty("command_id").GetString()!;
        await watcher.NextAsync(t => t.EndsWith("/tester-b1/event", StringComparison.Ordinal), p => p.Contains(id, StringComparison.Ordinal), Bound);
        return new CommandId(id);
    }

    // Each completed experiment printed at lab-a, compression-tested at lab-b, with the shipment between in its timeline.
    private static async Task AssertEachStepAtItsSiteWithTheTransferAsync(PostgresLedger ledger)
    {
        var campaign = Assert.Single(await ledger.ListCampaignsAsync());
        foreach (var experiment in (await ledger.GetExperimentsAsync(campaign.Id)).Where(e => e.Status == ExperimentStatus.Completed))
        {
            var commands = await ledger.GetCommandsAsync(experiment.Id);
            Assert.All(commands, c => Assert.Equal(c.Action == "print" ? TwoSiteFacility.Hub : TwoSiteFacility.Remote, c.Site));
            var timeline = (await ledger.GetTransitionsAsync(experiment.Id)).Select(t => t.To).ToList();
            Assert.True(
                timeline.IndexOf("printing") < timeline.IndexOf("ship-to-b") && timeline.IndexOf("ship-to-b") < timeline.IndexOf("compression"),
                $"{experiment.Id}: {string.Join(" > ", timeline)}");
            Assert.Equal("Completed", timeline[^1]);
        }
    }

    private static string[] Run(string facility, MosquittoBroker broker, TwoSiteFacility sites, PostgresCampaignProbe probe) =>
        ["run", facility, "--broker", Address(broker), "--credentials", sites.CredentialsFile, "--real-time", "--ledger", probe.Uri(), "--external-instruments", "--quiet", "--no-dashboard"];

    private static string Address(MosquittoBroker broker) => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{broker.Port}");
}
