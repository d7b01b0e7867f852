using Npgsql;
using SelfDrivingLab.Campaigns;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Ledger;
using SelfDrivingLab.Ledger.Postgres;
using SelfDrivingLab.Ledger.Postgres.Leases;
using SelfDrivingLab.Tests.Postgres;
using SelfDrivingLab.Workflow.Campaigns;

namespace SelfDrivingLab.Hosting.Tests;

/// <summary>A whole simulated campaign with its ledger in PostgreSQL (SDL_TEST_POSTGRES), read back by the exporter.</summary>
[Collection(VirtualClockCollection.Name)]
public sealed class PostgresLedgerCampaignTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>, IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RunAsync_SmallQuickstartOnPostgres_CompletesAndExportsEveryExperimentWithNoFileLedger()
    {
        var quickstart = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
        var definition = quickstart with { Budget = 6, Proposer = quickstart.Proposer with { InitialCount = 3 } };
        var settings = new CampaignHostSettings(definition) { LedgerPath = _dir.File("ledger.db"), LedgerConnectionString = ConnectionString("run") };

        var summary = await CampaignHost.RunAsync(settings).WaitAsync(Bound);

        Assert.Equal(CampaignStatus.Completed, summary.Status);
        Assert.Equal(6, summary.Completed + summary.Failed);
        Assert.False(File.Exists(_dir.File("ledger.db")), "the campaign wrote a SQLite ledger too");
        await using var ledger = await PostgresLedger.OpenReadOnlyAsync(database.Location("run"));
        var experiments = await ledger.GetExperimentsAsync(summary.CampaignId);
        Assert.Equal(Enumerable.Range(1, 6), experiments.Select(e => e.Sequence));
        foreach (var experiment in experiments.Where(e => e.Status == ExperimentStatus.Completed))
        {
            var commands = await ledger.GetCommandsAsync(experiment.Id);
            Assert.Equal(2, commands.Count);
            foreach (var command in commands)
            {
                Assert.Contains("accepted", (await ledger.GetEventsAsync(command.Id)).Select(e => e.Kind));
            }
        }

        var csv = new StringWriter();
        await LedgerCsvExporter.ExportAsync(ledger, csv, summary.CampaignId);
        var rows = csv.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(7, rows.Length);
        Assert.Equal(summary.Completed, rows.Count(r => r.Contains(",Completed,", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RunAsync_AnotherHostHoldsTheCampaignsLease_RefusedNamingItBeforeTouchingTheCampaign()
    {
        var quickstart = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
        var settings = new CampaignHostSettings(quickstart with { Budget = 2 }) { LedgerPath = _dir.File("ledger.db"), LedgerConnectionString = ConnectionString("held") };
        await using var leases = await PostgresCampaignLeaseStore.OpenAsync(database.Location("held"), TimeSpan.FromSeconds(10));
        await leases.TryAcquireAsync(quickstart.Name, "the other host", TimeSpan.FromMinutes(5));

        var ex = await Assert.ThrowsAsync<CampaignHostException>(() => CampaignHost.RunAsync(settings).WaitAsync(Bound));

        Assert.True(ex.IsStartupFailure);
        Assert.Contains($"campaign '{quickstart.Name}' is run by another host: the other host (lease epoch 1, last heartbeat", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--standby", ex.Message, StringComparison.Ordinal);
        await using var ledger = await PostgresLedger.OpenReadOnlyAsync(database.Location("held"));
        Assert.Empty(await ledger.ListCampaignsAsync());
    }

    [Fact]
    public async Task RunAsync_AnotherFacilitysCampaignIsLeased_RunsItsOwnBesideIt()
    {
        var quickstart = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
        var settings = new CampaignHostSettings(quickstart with { Budget = 2 }) { LedgerPath = _dir.File("ledger.db"), LedgerConnectionString = ConnectionString("beside") };
        await using var leases = await PostgresCampaignLeaseStore.OpenAsync(database.Location("beside"), TimeSpan.FromSeconds(10));
        await leases.TryAcquireAsync("another campaign", "the other host", TimeSpan.FromMinutes(5));

        var summary = await CampaignHost.RunAsync(settings).WaitAsync(Bound);

        Assert.Equal(CampaignStatus.Completed, summary.Status);
        var holder = await leases.FindHolderAsync(quickstart.Name);
        Assert.Equal(1, holder!.Epoch);
        Assert.True(holder.ExpiresIn <= TimeSpan.Zero, "a clean stop releases the lease");
        Assert.Equal("the other host", (await leases.FindHolderAsync("another campaign"))!.Owner);
    }

    [Fact]
    public async Task RunAsync_StandbyAndTheHolderStopsRenewing_TakesTheCampaignOverAndResumesIt()
    {
        var quickstart = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
        var definition = quickstart with { Budget = 4, Proposer = quickstart.Proposer with { InitialCount = 2 } };
        var first = new CampaignHostSettings(definition with { Budget = 2 }) { LedgerPath = _dir.File("ledger.db"), LedgerConnectionString = ConnectionString("standby") };
        var interrupted = await CampaignHost.RunAsync(first).WaitAsync(Bound);
        await using var ledger = await PostgresLedger.OpenAsync(database.Location("standby"));
        await ledger.SetCampaignStatusAsync(interrupted.CampaignId, CampaignStatus.Interrupted, interrupted.FinishedAt);
        await using var leases = await PostgresCampaignLeaseStore.OpenAsync(database.Location("standby"), TimeSpan.FromSeconds(10));
        // A host that dies holding the lease: it expires a second later, unrenewed.
        var dead = await leases.TryAcquireAsync(definition.Name, "a dead host", TimeSpan.FromSeconds(1));

        var summary = await CampaignHost.RunAsync(new CampaignHostSettings(definition) { LedgerPath = first.LedgerPath, LedgerConnectionString = first.LedgerConnectionString, Standby = true }).WaitAsync(Bound);

        Assert.Equal((interrupted.CampaignId, CampaignStatus.Completed, 4), (summary.CampaignId, summary.Status, summary.Experiments));
        Assert.Equal(dead.Lease!.Epoch + 1, (await leases.FindHolderAsync(definition.Name))!.Epoch);
    }

    [Fact]
    public async Task RunAsync_LeaseDurationOutOfRange_RefusedAtStartNamingTheSetting()
    {
        var quickstart = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
        var settings = new CampaignHostSettings(quickstart with { Budget = 2 }) { LedgerPath = _dir.File("ledger.db"), LedgerConnectionString = ConnectionString("badlease") };
        Environment.SetEnvironmentVariable("Ledger__LeaseDuration", "00:00:00.500");
        try
        {
            var ex = await Assert.ThrowsAsync<CampaignHostException>(() => CampaignHost.RunAsync(settings).WaitAsync(Bound));

            Assert.True(ex.IsStartupFailure);
            Assert.Contains("LeaseDuration", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("\n", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("Ledger__LeaseDuration", null);
        }
    }

    [Fact]
    public async Task RunAsync_UnreachableServer_OneLineStartupFailureNamingIt()
    {
        var quickstart = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
        var settings = new CampaignHostSettings(quickstart with { Budget = 2 })
        {
            LedgerPath = _dir.File("ledger.db"),
            LedgerConnectionString = $"postgres://sdl:hunter2@127.0.0.1:{LoopbackPorts.Free()}/lab",
        };

        var ex = await Assert.ThrowsAsync<CampaignHostException>(() => CampaignHost.RunAsync(settings).WaitAsync(Bound));

        Assert.True(ex.IsStartupFailure);
        Assert.Contains("cannot reach the server", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_LedgerInConfiguration_PasswordFromItsOwnVariable_RunsOnPostgres()
    {
        var quickstart = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
        var settings = new CampaignHostSettings(quickstart with { Budget = 2 }) { LedgerPath = _dir.File("ledger.db"), UseConfiguredLedger = true };
        var withoutPassword = new NpgsqlConnectionStringBuilder(ConnectionString("configured")) { Password = null }.ConnectionString;
        Environment.SetEnvironmentVariable("Ledger__ConnectionString", withoutPassword);
        Environment.SetEnvironmentVariable("Ledger__Password", new NpgsqlConnectionStringBuilder(database.ConnectionString).Password);
        try
        {
            var summary = await CampaignHost.RunAsync(settings).WaitAsync(Bound);

            Assert.Equal(CampaignStatus.Completed, summary.Status);
            Assert.False(File.Exists(_dir.File("ledger.db")), "the campaign wrote a SQLite ledger");
            await using var ledger = await PostgresLedger.OpenReadOnlyAsync(database.Location("configured"));
            Assert.Equal(2, (await ledger.GetExperimentsAsync(summary.CampaignId)).Count);
        }
        finally
        {
            Environment.SetEnvironmentVariable("Ledger__ConnectionString", null);
            Environment.SetEnvironmentVariable("Ledger__Password", null);
        }
    }

    [Fact]
    public async Task RunAsync_BadConnectionStringInConfiguration_RefusedAtStartNamingTheSetting()
    {
        var quickstart = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
        var settings = new CampaignHostSettings(quickstart with { Budget = 2 }) { LedgerPath = _dir.File("ledger.db"), UseConfiguredLedger = true };
        Environment.SetEnvironmentVariable("Ledger__ConnectionString", "postgres://sdl:hunter2@127.0.0.1/lab?colour=blue");
        try
        {
            var ex = await Assert.ThrowsAsync<CampaignHostException>(() => CampaignHost.RunAsync(settings).WaitAsync(Bound));

            Assert.True(ex.IsStartupFailure);
            Assert.Contains("Ledger:ConnectionString: The PostgreSQL ledger URI has an unknown parameter 'colour'", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("hunter2", ex.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(_dir.File("ledger.db")));
        }
        finally
        {
            Environment.SetEnvironmentVariable("Ledger__ConnectionString", null);
        }
    }

    private string ConnectionString(string schema) => new NpgsqlConnectionStringBuilder(database.ConnectionString) { SearchPath = schema }.ConnectionString;
}
