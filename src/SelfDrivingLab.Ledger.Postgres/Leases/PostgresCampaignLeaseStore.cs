using Npgsql;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Ledger.Postgres.Postgres;

namespace SelfDrivingLab.Ledger.Postgres.Leases;

/// <summary>
/// Acquires, renews and releases campaign leases in a PostgreSQL ledger, on connections of its own (so a heartbeat never
/// waits behind the ledger's writes), each statement bounded by a timeout shorter than a renewal period. Every failure to
/// reach the server is a <see cref="LedgerException"/> naming it. Thread-safe.
/// </summary>
public sealed class PostgresCampaignLeaseStore : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresLedgerLocation _location;

    private PostgresCampaignLeaseStore(NpgsqlDataSource dataSource, PostgresLedgerLocation location)
    {
        _dataSource = dataSource;
        _location = location;
    }

    /// <summary>
    /// Connects to the ledger at <paramref name="location"/>, creating or migrating its schema (serialised between hosts by a
    /// transaction-scoped advisory lock), with statements and connection attempts bounded by <paramref name="timeout"/>.
    /// </summary>
    public static async Task<PostgresCampaignLeaseStore> OpenAsync(PostgresLedgerLocation location, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        var seconds = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds));
        var builder = new NpgsqlConnectionStringBuilder(location.ConnectionString)
        {
            Timeout = seconds,
            CommandTimeout = seconds,
            // A cut connection is noticed and dropped from the pool rather than reused.
            KeepAlive = seconds,
            ApplicationName = $"sdl leases pid {Environment.ProcessId}",
        };
        var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        try
        {
            var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                await PostgresSchema.EnsureAsync(connection, location, cancellationToken).ConfigureAwait(false);
            }

            return new PostgresCampaignLeaseStore(dataSource, location);
        }
        catch (NpgsqlException ex)
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw new LedgerException($"Cannot open the PostgreSQL ledger '{location}' to lease campaigns: {PostgresErrors.Describe(ex, location)}.", ex);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Acquires the lease of <paramref name="campaign"/> for <paramref name="owner"/>, new or taken over when expired; or names its live holder.</summary>
    public Task<CampaignLeaseAcquisition> TryAcquireAsync(string campaign, string owner, TimeSpan duration, CancellationToken cancellationToken = default) =>
        RunAsync((c, ct) => PostgresCampaignLeases.TryAcquireAsync(c, campaign, owner, duration, ct), cancellationToken);

    /// <summary>Renews <paramref name="leases"/> for another <paramref name="duration"/>; returns those still held (the others were taken over).</summary>
    public Task<IReadOnlyList<CampaignLease>> RenewAsync(IReadOnlyCollection<CampaignLease> leases, TimeSpan duration, CancellationToken cancellationToken = default) =>
        RunAsync((c, ct) => PostgresCampaignLeases.RenewAsync(c, leases, duration, ct), cancellationToken);

    /// <summary>Releases <paramref name="lease"/> (it expires now; its row and epoch stay); true when it was still held.</summary>
    public async Task<bool> ReleaseAsync(CampaignLease lease, CancellationToken cancellationToken = default) =>
        await RunAsync((c, ct) => PostgresCampaignLeases.ReleaseAsync(c, lease, ct), cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>Who holds the lease of <paramref name="campaign"/> (expired or not), or null when nobody ever did.</summary>
    public Task<CampaignLeaseHolder?> FindHolderAsync(string campaign, CancellationToken cancellationToken = default) =>
        RunAsync((c, ct) => PostgresCampaignLeases.FindHolderAsync(c, campaign, ct), cancellationToken);

    /// <summary>Whether the ledger holds an unfinished (running or interrupted) campaign named <paramref name="campaign"/>, one to take over.</summary>
    public Task<bool> HasUnfinishedCampaignAsync(string campaign, CancellationToken cancellationToken = default) =>
        RunAsync((c, ct) => PostgresCampaignLeases.HasUnfinishedCampaignAsync(c, campaign, ct), cancellationToken);

    /// <summary>Closes the connections.</summary>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private async Task<T> RunAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> run, CancellationToken cancellationToken)
    {
        try
        {
            var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                return await run(connection, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            var why = ex is NpgsqlException npgsql ? PostgresErrors.Describe(npgsql, _location) : ex.Message;
            throw new LedgerException($"The campaign leases of '{_location}' cannot be reached: {why}.", ex);
        }
    }
}
