using Microsoft.Extensions.Time.Testing;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Ledger.Postgres;
using SelfDrivingLab.Ledger.Postgres.Leases;
using SelfDrivingLab.Ledger.Tests.Contract;
using SelfDrivingLab.Tests.Postgres;
using static SelfDrivingLab.Ledger.Tests.LedgerTestFiles;

namespace SelfDrivingLab.Ledger.Tests.Postgres;

/// <summary>Per-campaign leases on a shared PostgreSQL ledger: acquisition, renewal, expiry, takeover with epochs, and fencing.</summary>
public sealed class PostgresCampaignLeaseTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>, IAsyncLifetime
{
    private const string CampaignName = "Quickstart c1";
    private static readonly TimeSpan Duration = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly PostgresTestStore _store = PostgresTestStore.In(database);
    private PostgresCampaignLeaseStore _leases = null!;

    public async Task InitializeAsync() => _leases = await PostgresCampaignLeaseStore.OpenAsync(_store.Location, TimeSpan.FromSeconds(10));

    public async Task DisposeAsync() => await _leases.DisposeAsync();

    [Fact]
    public async Task TryAcquireAsync_FreeThenHeldByALiveHost_FirstGetsEpochOneSecondIsToldTheHolder()
    {
        var first = await _leases.TryAcquireAsync(CampaignName, "host A", Duration);
        var second = await _leases.TryAcquireAsync(CampaignName, "host B", Duration);

        Assert.Equal(new CampaignLease(CampaignName, "host A", 1), first.Lease);
        Assert.False(first.IsTakeover);
        Assert.False(second.Acquired);
        Assert.Equal(("host A", 1L), (second.Holder!.Owner, second.Holder.Epoch));
        Assert.InRange(second.Holder.ExpiresIn, Duration - Bound, Duration);
        Assert.Contains("host A (lease epoch 1, last heartbeat", second.Holder.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryAcquireAsync_Expired_TakesItOverWithTheNextEpochAndTheOldOwnerCannotRenew()
    {
        var a = (await _leases.TryAcquireAsync(CampaignName, "host A", Duration)).Lease!;
        await ExpireAsync();

        var taken = await _leases.TryAcquireAsync(CampaignName, "host B", Duration);
        var renewedA = await _leases.RenewAsync([a], Duration);
        var renewedB = await _leases.RenewAsync([taken.Lease!], Duration);

        Assert.Equal(new CampaignLease(CampaignName, "host B", 2), taken.Lease);
        Assert.True(taken.IsTakeover);
        Assert.Equal("host A", taken.PreviousOwner);
        Assert.InRange(taken.SincePreviousHeartbeat!.Value, TimeSpan.Zero, Bound);
        Assert.Empty(renewedA);
        Assert.Equal([taken.Lease!], renewedB);
    }

    [Fact]
    public async Task RenewAsync_ExpiredButNotTakenOver_KeepsItWithTheSameEpoch()
    {
        var a = (await _leases.TryAcquireAsync(CampaignName, "host A", Duration)).Lease!;
        await ExpireAsync();

        var renewed = await _leases.RenewAsync([a], Duration);
        var other = await _leases.TryAcquireAsync(CampaignName, "host B", Duration);

        Assert.Equal([a], renewed);
        Assert.False(other.Acquired);
    }

    [Fact]
    public async Task ReleaseAsync_ThenAnotherHost_AcquiresAtOnceWithTheNextEpoch()
    {
        var a = (await _leases.TryAcquireAsync(CampaignName, "host A", Duration)).Lease!;

        Assert.True(await _leases.ReleaseAsync(a));
        var b = await _leases.TryAcquireAsync(CampaignName, "host B", Duration);

        Assert.Equal(new CampaignLease(CampaignName, "host B", 2), b.Lease);
        Assert.False(await _leases.ReleaseAsync(a));
    }

    [Fact]
    public async Task TryAcquireAsync_TwoHostsRaceForAnExpiredLease_ExactlyOneGetsIt()
    {
        await _leases.TryAcquireAsync(CampaignName, "host A", Duration);
        await ExpireAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => _leases.TryAcquireAsync(CampaignName, $"host {i}", Duration)));

        var winner = Assert.Single(results, r => r.Acquired);
        Assert.Equal(2, winner.Lease!.Epoch);
        Assert.All(results.Where(r => !r.Acquired), r => Assert.Equal(winner.Lease.Owner, r.Holder!.Owner));
    }

    [Fact]
    public async Task FencedWrites_AfterATakeover_OldOwnerIsRefusedAndChangesNothingNewOwnerWritesUnderItsEpoch()
    {
        using var bookA = new CampaignLeaseBook("host A", Duration, TimeProvider.System);
        using var bookB = new CampaignLeaseBook("host B", Duration, TimeProvider.System);
        await AcquireIntoAsync(bookA);
        await using var ledgerA = await PostgresLedger.OpenAsync(_store.Location, bookA);
        await using var ledgerB = await PostgresLedger.OpenAsync(_store.Location, bookB);
        await ledgerA.CreateCampaignAsync(Campaign());
        await ledgerA.AddExperimentAsync(Experiment("e1", 1));
        await ledgerA.RecordCommandAsync(Command("k1", "e1"));
        await ExpireAsync();
        await AcquireIntoAsync(bookB);

        var refusals = new[]
        {
            await Assert.ThrowsAsync<LedgerException>(() => ledgerA.AddExperimentAsync(Experiment("e2", 2)).AsTask()),
            await Assert.ThrowsAsync<LedgerException>(() => ledgerA.RecordCommandAsync(Command("k2", "e1")).AsTask()),
            await Assert.ThrowsAsync<LedgerException>(() => ledgerA.RecordTransitionAsync(new StateTransitionRecord(new ExperimentId("e1"), "Proposed", "Running", "start", T0), ExperimentStatus.Running).AsTask()),
            await Assert.ThrowsAsync<LedgerException>(() => ledgerA.RecordEventAsync(new InstrumentEventRecord(new CommandId("k1"), new InstrumentId("printer-1"), "done", T0, "{}")).AsTask()),
            await Assert.ThrowsAsync<LedgerException>(() => ledgerA.SetCampaignStatusAsync(new CampaignId("c1"), CampaignStatus.Interrupted, T0).AsTask()),
        };
        await ledgerB.RecordCommandAsync(Command("k3", "e1"));

        Assert.All(refusals, ex => Assert.StartsWith($"campaign '{CampaignName}' is now owned by host B (lease epoch 2); this host (host A) held epoch 1 and lost it; nothing was written.", ex.Message, StringComparison.Ordinal));
        Assert.NotNull(bookA.LostReason);
        Assert.True(bookA.LostToken.IsCancellationRequested);
        Assert.Null(bookB.LostReason);
        Assert.Equal(["e1"], (await ledgerB.GetExperimentsAsync(new CampaignId("c1"))).Select(e => e.Id.Value));
        Assert.Equal("Proposed", (await ledgerB.FindExperimentAsync(new ExperimentId("e1")))!.State);
        Assert.Empty(await ledgerB.GetEventsAsync(new CommandId("k1")));
        Assert.Equal(CampaignStatus.Running, (await ledgerB.FindCampaignAsync(new CampaignId("c1")))!.Status);
        Assert.Equal("k1 host A 1;k3 host B 2", await ScalarAsync("SELECT string_agg(id || ' ' || lease_owner || ' ' || lease_epoch, ';' ORDER BY seq) FROM commands"));
    }

    [Fact]
    public async Task FencedWrite_CampaignWithoutAnyLease_IsRefused()
    {
        using var book = new CampaignLeaseBook("host A", Duration, TimeProvider.System);
        await using var ledger = await PostgresLedger.OpenAsync(_store.Location, book);

        var ex = await Assert.ThrowsAsync<LedgerException>(() => ledger.CreateCampaignAsync(Campaign()).AsTask());

        Assert.Equal($"This host (host A) holds no lease on campaign '{CampaignName}'; nothing was written.", ex.Message);
        Assert.Empty(await ledger.ListCampaignsAsync());
    }

    [Fact]
    public async Task RecordCommandAsync_LastRenewalTooOld_WaitsUntilTheNextRenewal()
    {
        var clock = new FakeTimeProvider(T0);
        using var book = new CampaignLeaseBook("host A", Duration, clock);
        await AcquireIntoAsync(book, clock);
        await using var ledger = await PostgresLedger.OpenAsync(_store.Location, book);
        await ledger.CreateCampaignAsync(Campaign());
        await ledger.AddExperimentAsync(Experiment("e1", 1));
        clock.Advance(book.FreshFor);

        var recording = ledger.RecordCommandAsync(Command("k1", "e1")).AsTask();
        // Held before it reaches the server, until the renewal (nothing else can release it).
        var heldBack = !recording.IsCompleted;
        var storedBefore = await ScalarAsync("SELECT count(*) FROM commands");
        book.Renewed(clock.GetTimestamp());
        await recording.WaitAsync(Bound);

        Assert.True(heldBack);
        Assert.Equal("0", storedBefore);
        Assert.Equal("1", await ScalarAsync("SELECT count(*) FROM commands"));
    }

    [Fact]
    public async Task RecordCommandAsync_StaleAndThenLost_ThrowsWithoutWriting()
    {
        var clock = new FakeTimeProvider(T0);
        using var book = new CampaignLeaseBook("host A", Duration, clock);
        await AcquireIntoAsync(book, clock);
        await using var ledger = await PostgresLedger.OpenAsync(_store.Location, book);
        await ledger.CreateCampaignAsync(Campaign());
        await ledger.AddExperimentAsync(Experiment("e1", 1));
        clock.Advance(book.FreshFor);

        var recording = ledger.RecordCommandAsync(Command("k1", "e1")).AsTask();
        book.MarkLost("taken over in a test");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => recording.WaitAsync(Bound));
        Assert.Equal("0", await ScalarAsync("SELECT count(*) FROM commands"));
    }

    private async Task AcquireIntoAsync(CampaignLeaseBook book, TimeProvider? clock = null)
    {
        var sentAt = (clock ?? TimeProvider.System).GetTimestamp();
        var acquired = await _leases.TryAcquireAsync(CampaignName, book.Owner, book.Duration);
        book.Add(acquired.Lease!, sentAt);
    }

    // The server's clock cannot be advanced; a lease's expiry can be moved into the past instead.
    private Task ExpireAsync() => _store.ExecuteSqlAsync("UPDATE campaign_leases SET expires_at = now() - interval '1 second'");

    private async Task<string?> ScalarAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { SearchPath = _store.Location.Schema, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
