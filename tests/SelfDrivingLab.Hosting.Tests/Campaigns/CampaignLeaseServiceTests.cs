using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SelfDrivingLab.Hosting.Campaigns;
using SelfDrivingLab.Ledger.Postgres.Leases;
using SelfDrivingLab.Tests.Postgres;

namespace SelfDrivingLab.Hosting.Tests.Campaigns;

/// <summary>The lease service's heartbeat, one tick at a time, against the real server (SDL_TEST_POSTGRES).</summary>
public sealed class CampaignLeaseServiceTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>
{
    private static readonly TimeSpan Duration = TimeSpan.FromMinutes(3);
    private readonly string _schema = "t_" + Guid.NewGuid().ToString("N");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));
    private readonly StopRecordingLifetime _lifetime = new();

    [Fact]
    public async Task RenewOnceAsync_StillHeld_MakesTheBookFreshAgain()
    {
        using var book = new CampaignLeaseBook("host A", Duration, _clock);
        await using var service = Service(book);
        await service.StartAsync(CancellationToken.None);
        _clock.Advance(book.FreshFor);
        var staleBefore = !book.IsFresh;

        await service.RenewOnceAsync(CancellationToken.None);

        Assert.True(staleBefore);
        Assert.True(book.IsFresh);
        Assert.Null(book.LostReason);
        Assert.False(_lifetime.Stopped);
    }

    [Fact]
    public async Task RenewOnceAsync_TakenOverMeanwhile_MarksTheBookLostNamingTheNewOwnerAndStopsTheHost()
    {
        using var book = new CampaignLeaseBook("host A", Duration, _clock);
        await using var service = Service(book);
        await service.StartAsync(CancellationToken.None);
        await using (var leases = await PostgresCampaignLeaseStore.OpenAsync(database.Location(_schema), TimeSpan.FromSeconds(10)))
        {
            await ExpireAsync();
            Assert.True((await leases.TryAcquireAsync("anneal", "host B", Duration)).Acquired);
        }

        await service.RenewOnceAsync(CancellationToken.None);

        Assert.Equal("campaign 'anneal' is now owned by host B (lease epoch 2); this host (host A) held epoch 1 and lost it", book.LostReason);
        Assert.True(book.LostToken.IsCancellationRequested);
        Assert.Empty(book.Held);
        Assert.True(_lifetime.Stopped);
    }

    private CampaignLeaseService Service(CampaignLeaseBook book) => new(
        book, database.Location(_schema), ["anneal"], new CampaignLeaseOptions { LeaseDuration = Duration }, standby: false, _clock, _lifetime, NullLogger<CampaignLeaseService>.Instance);

    private async Task ExpireAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { SearchPath = _schema, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("UPDATE campaign_leases SET expires_at = now() - interval '1 second'", connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed class StopRecordingLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public bool Stopped { get; private set; }

        public void StopApplication() => Stopped = true;
    }
}
