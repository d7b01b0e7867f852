using System.Globalization;
using Npgsql;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Ledger.Postgres;
using SelfDrivingLab.Tests.Postgres;
using Xunit.Abstractions;

namespace SelfDrivingLab.Cli.Tests.Crash;

/// <summary>
/// Issue 14 item 4: two hosts (<c>sdl run</c> processes) share one PostgreSQL ledger, one owning the campaign, the other standing
/// by; the owner is SIGKILLed, or cut off from PostgreSQL by a partition, and the standby takes the campaign over and finishes
/// it with exactly its budget and nothing executed twice, while the old owner dispatches nothing after its lease expired.
/// </summary>
public sealed class TakeoverTests(PostgresTestDatabase database, ITestOutputHelper output) : IClassFixture<PostgresTestDatabase>, IDisposable
{
    private const int Budget = 12;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);

    // A short lease keeps the test short: renewals every second, dispatching pauses after 2 s without one.
    private static readonly Dictionary<string, string> Environment = new()
    {
        ["Ledger__LeaseDuration"] = "00:00:03",
        ["Campaign__StopGracePeriod"] = "00:00:02",
    };

    private static readonly string CampaignText = BraninCampaignText.Create("takeover", seed: 11, budget: Budget, initial: 4, deadline: "20s", "{ distribution: uniform, min: 500ms, max: 1s }");
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [RequiresCommandsFact("mosquitto")]
    public async Task Run_OwnerKilled_StandbyTakesOverAndFinishesExactlyOnce()
    {
        await using var lab = await LabAsync();
        var probe = new PostgresCampaignProbe(database, "kill");
        using var owner = SdlProcess.Start(Environment, lab.Run(probe.Uri()));
        await probe.WaitForFinishedAsync(3, owner, Bound);
        using var standby = SdlProcess.Start(Environment, [.. lab.Run(probe.Uri()), "--standby"]);
        Assert.True(await standby.WaitForOutputAsync("Standing by for campaign 'takeover'", Bound), standby.Output);

        await owner.KillAsync();
        var killedAt = DateTimeOffset.UtcNow;

        Assert.True(await standby.WaitForExitAsync(Bound), $"the standby did not finish:\n{standby.Output}");
        output.WriteLine($"owner:\n{owner.Output}\nstandby:\n{standby.Output}");
        Assert.True(standby.ExitCode == 0, standby.Output);
        Assert.Contains("Took campaign 'takeover' over from", standby.Output, StringComparison.Ordinal);
        await using var ledger = await PostgresLedger.OpenReadOnlyAsync(database.Location(probe.Schema));
        await CrashTests.AssertExactlyOnceAsync(ledger, lab.Executions, Budget);
        var epochs = await probe.CommandLeasesAsync();
        Assert.Equal([1L, 2L], epochs.Select(c => c.Epoch).Distinct().Order());
        var firstDispatch = epochs.Where(c => c.Epoch == 2).Min(c => c.SentAt);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"takeover: {(firstDispatch - killedAt).TotalSeconds:F2} s from SIGKILL to the standby's first dispatch (lease 3 s)"));
    }

    [RequiresCommandsFact("mosquitto")]
    public async Task Run_OwnerCutOffFromPostgres_StandbyTakesOverAndTheOwnerNeverDispatchesAfterItsLeaseExpired()
    {
        await using var lab = await LabAsync();
        var probe = new PostgresCampaignProbe(database, "partition");
        var server = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var proxy = LoopbackTcpProxy.Start(server.Port);
        using var owner = SdlProcess.Start(Environment, lab.Run(probe.Uri(proxy.Port)));
        await probe.WaitForFinishedAsync(3, owner, Bound);
        using var standby = SdlProcess.Start(Environment, [.. lab.Run(probe.Uri()), "--standby"]);
        Assert.True(await standby.WaitForOutputAsync("Standing by for campaign 'takeover'", Bound), standby.Output);

        proxy.BlackHole();

        Assert.True(await standby.WaitForOutputAsync("Took campaign 'takeover' over from", Bound), standby.Output);
        var takenOverAt = await probe.ScalarAsync<DateTime>("SELECT acquired_at FROM campaign_leases");
        Assert.True(await standby.WaitForExitAsync(Bound), $"the standby did not finish:\n{standby.Output}");
        proxy.Restore();
        var ownerStopped = await owner.WaitForExitAsync(TimeSpan.FromSeconds(60));
        output.WriteLine($"owner:\n{owner.Output}\nstandby:\n{standby.Output}");
        Assert.True(standby.ExitCode == 0, standby.Output);
        Assert.True(ownerStopped, $"the cut-off owner did not stop once it could reach PostgreSQL again:\n{owner.Output}");
        Assert.NotEqual(0, owner.ExitCode);
        // Either its writes failed while it was cut off (it stops naming the unreachable server), or it lived to see the
        // takeover once healed (it stops naming the new owner); never with the campaign marked interrupted or aborted.
        Assert.True(
            owner.Output.Contains("is now owned by", StringComparison.Ordinal) || owner.Output.Contains("cannot reach the server", StringComparison.Ordinal),
            owner.Output);
        await using var ledger = await PostgresLedger.OpenReadOnlyAsync(database.Location(probe.Schema));
        await CrashTests.AssertExactlyOnceAsync(ledger, lab.Executions, Budget);
        Assert.Equal(CampaignStatus.Completed, (await ledger.ListCampaignsAsync()).Single().Status);
        var epochs = await probe.CommandLeasesAsync();
        var old = epochs.Where(c => c.Epoch == 1).ToList();
        Assert.NotEmpty(old);
        Assert.All(old, c => Assert.True(c.SentAt < new DateTimeOffset(takenOverAt, TimeSpan.Zero), $"command {c.Id} was recorded under epoch 1 at {c.SentAt:O}, after the takeover at {takenOverAt:O}"));
        Assert.All(epochs.Where(c => c.Epoch == 2), c => Assert.Contains(" pid " + standby.Id.ToString(CultureInfo.InvariantCulture) + " ", c.Owner, StringComparison.Ordinal));
    }

    private async Task<Lab> LabAsync()
    {
        var broker = await MosquittoBroker.StartAsync();
        var campaign = _dir.File("takeover.yaml");
        await File.WriteAllTextAsync(campaign, CampaignText);
        var executions = _dir.File("executions");
        var address = string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{broker.Port}");
        var simulator = SdlProcess.Start("simulate", campaign, "--broker", address, "--journal-dir", _dir.File("journal"), "--execution-log-dir", executions);
        return new Lab(broker, simulator, campaign, address, executions);
    }

    private sealed record Lab(MosquittoBroker Broker, SdlProcess Simulator, string Campaign, string Address, string Executions) : IAsyncDisposable
    {
        public string[] Run(string ledger) =>
            ["run", Campaign, "--broker", Address, "--real-time", "--ledger", ledger, "--external-instruments", "--quiet", "--no-dashboard"];

        public async ValueTask DisposeAsync()
        {
            await Simulator.KillAsync();
            Simulator.Dispose();
            await Broker.DisposeAsync();
        }
    }
}
