using System.Runtime.CompilerServices;
using Npgsql;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Ledger.Postgres.Leases;
using SelfDrivingLab.Ledger.Postgres.Postgres;

namespace SelfDrivingLab.Ledger.Postgres;

/// <summary>
/// An <see cref="ILedger"/> in one PostgreSQL schema, the same contract as <see cref="SqliteLedger"/> (the ledger contract
/// tests run against both): the same records, refusals and messages, and the same schema versions (kept in the schema's
/// <c>schema_version</c> table). Thread-safe: operations take pooled connections. Every write is one transaction that
/// commits (durably: PostgreSQL's <c>synchronous_commit</c>, on by default) or throws <see cref="LedgerException"/> and
/// rolls back, so nothing is acted on before it is stored.
/// </summary>
/// <remarks>
/// Several hosts may write one PostgreSQL ledger, each for the campaigns whose lease it holds. Opened with a
/// <see cref="CampaignLeaseBook"/> the ledger is fenced: every write for a campaign checks, in its own transaction, that
/// this host still holds the campaign's lease with its epoch (<see cref="PostgresLeaseFence"/>), and a command is recorded
/// (so dispatched, write-ahead) only while the host's last renewal is fresh. Writes that belong to no campaign (instrument
/// status, control requests) are not fenced. Opened without a book (tools, tests), nothing is fenced.
/// </remarks>
public sealed class PostgresLedger : ILedgerStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresLedgerLocation _location;
    private readonly CampaignLeaseBook? _leases;
    private volatile bool _disposed;

    private PostgresLedger(NpgsqlDataSource dataSource, PostgresLedgerLocation location, bool isReadOnly, int schemaVersion, int foundVersion, CampaignLeaseBook? leases = null)
    {
        _leases = leases;
        _dataSource = dataSource;
        _location = location;
        IsReadOnly = isReadOnly;
        SchemaVersion = schemaVersion;
        FoundVersion = foundVersion;
    }

    /// <inheritdoc />
    /// <remarks>The server, database and schema, without the password.</remarks>
    public string Location => _location.ToString();

    /// <inheritdoc />
    public bool IsReadOnly { get; }

    /// <inheritdoc />
    public int SchemaVersion { get; }

    /// <summary>The schema version found when the ledger was opened: 0 when opening created it, below <see cref="SchemaVersion"/> when it was upgraded.</summary>
    public int FoundVersion { get; }

    /// <summary>
    /// Opens the ledger at <paramref name="location"/> for reading and writing, creating its schema and tables when missing
    /// and migrating older ones. Throws <see cref="LedgerException"/> when the server cannot be reached or refuses the login,
    /// the database is missing, or the schema holds something else than a ledger or a newer one.
    /// </summary>
    public static Task<PostgresLedger> OpenAsync(PostgresLedgerLocation location, CancellationToken cancellationToken = default) =>
        OpenCoreAsync(location, isReadOnly: false, cancellationToken);

    /// <summary>
    /// Opens the ledger as <see cref="OpenAsync(PostgresLedgerLocation, CancellationToken)"/> does, fenced by the campaign leases of
    /// <paramref name="leases"/>: a write for a campaign whose lease this host does not hold (with its epoch) is refused and
    /// changes nothing; recording a command waits while the host's last renewal is not fresh.
    /// </summary>
    public static async Task<PostgresLedger> OpenAsync(PostgresLedgerLocation location, CampaignLeaseBook leases, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(leases);
        return await OpenCoreAsync(location, isReadOnly: false, cancellationToken, leases).ConfigureAwait(false);
    }

    /// <summary>
    /// Opens an existing ledger read-only (every transaction is read-only on the server; nothing is migrated). Throws
    /// <see cref="LedgerException"/> as <see cref="OpenAsync(PostgresLedgerLocation, CancellationToken)"/> does, and when the schema holds no ledger.
    /// </summary>
    public static Task<PostgresLedger> OpenReadOnlyAsync(PostgresLedgerLocation location, CancellationToken cancellationToken = default) =>
        OpenCoreAsync(location, isReadOnly: true, cancellationToken);

    /// <inheritdoc />
    public ValueTask CreateCampaignAsync(CampaignRecord campaign, CancellationToken cancellationToken = default) =>
        FencedWriteAsync(FenceScope.CampaignNamed(campaign.Name), (c, tx, _, ct) => PostgresWrites.CreateCampaignAsync(c, tx, campaign, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask<CampaignRecord?> FindCampaignAsync(CampaignId id, CancellationToken cancellationToken = default) =>
        ReadAsync((c, ct) => PostgresReads.FindCampaignAsync(c, SchemaVersion, id, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<CampaignRecord>> ListCampaignsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync((c, ct) => PostgresReads.ListCampaignsAsync(c, SchemaVersion, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask SetCampaignStatusAsync(CampaignId id, CampaignStatus status, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        FencedWriteAsync(FenceScope.Campaign(id), (c, tx, _, ct) => PostgresWrites.SetCampaignStatusAsync(c, tx, id, status, at, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask SetCampaignPauseAsync(CampaignId id, CampaignPause? pause, CancellationToken cancellationToken = default) =>
        FencedWriteAsync(FenceScope.Campaign(id), (c, tx, _, ct) => PostgresWrites.SetCampaignPauseAsync(c, tx, id, pause, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask AddExperimentAsync(ExperimentRecord experiment, CancellationToken cancellationToken = default) =>
        FencedWriteAsync(FenceScope.Campaign(experiment.CampaignId), (c, tx, _, ct) => PostgresWrites.AddExperimentAsync(c, tx, experiment, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask RecordTransitionAsync(StateTransitionRecord transition, ExperimentStatus status, CancellationToken cancellationToken = default) =>
        FencedWriteAsync(FenceScope.Experiment(transition.ExperimentId), (c, tx, _, ct) => PostgresWrites.RecordTransitionAsync(c, tx, transition, status, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask RecordResultAsync(ExperimentId id, ExperimentResult result, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        FencedWriteAsync(FenceScope.Experiment(id), (c, tx, _, ct) => PostgresWrites.RecordResultAsync(c, tx, id, result, at, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask ReviseCampaignAsync(CampaignRevisionRecord revision, CancellationToken cancellationToken = default) =>
        FencedWriteAsync(FenceScope.Campaign(revision.CampaignId), (c, tx, _, ct) => PostgresCampaignData.ReviseAsync(c, tx, revision, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<CampaignRevisionRecord>> GetCampaignRevisionsAsync(CampaignId id, CancellationToken cancellationToken = default) =>
        ReadAsync((c, ct) => PostgresCampaignData.GetRevisionsAsync(c, SchemaVersion, id, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask RecordPriorDataAsync(CampaignId campaignId, IReadOnlyList<PriorDataRecord> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return FencedWriteAsync(FenceScope.Campaign(campaignId), (c, tx, _, ct) => PostgresCampaignData.ReplacePriorDataAsync(c, tx, campaignId, rows, ct), cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<PriorDataRecord>> GetPriorDataAsync(CampaignId campaignId, CancellationToken cancellationToken = default) =>
        ReadAsync((c, ct) => PostgresCampaignData.GetPriorDataAsync(c, SchemaVersion, campaignId, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask RecordCommandAsync(CommandRecord command, CancellationToken cancellationToken = default) =>
        FencedWriteAsync(FenceScope.Dispatch(command.ExperimentId), (c, tx, lease, ct) => PostgresWrites.RecordCommandAsync(c, tx, command, lease, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask RecordEventAsync(InstrumentEventRecord instrumentEvent, CancellationToken cancellationToken = default) =>
        FencedWriteAsync(FenceScope.Command(instrumentEvent.CommandId), (c, tx, _, ct) => PostgresWrites.RecordEventAsync(c, tx, instrumentEvent, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask RecordBatchAsync(IReadOnlyList<LedgerWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        return writes.Count == 0
            ? ValueTask.CompletedTask
            : FencedWriteAsync(PostgresBatch.Scope(writes), (c, tx, lease, ct) => PostgresBatch.ApplyAsync(c, tx, writes, lease, ct), cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<ExperimentRecord?> FindExperimentAsync(ExperimentId id, CancellationToken cancellationToken = default) =>
        ReadAsync((c, ct) => PostgresReads.FindExperimentAsync(c, SchemaVersion, id, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ExperimentRecord>> GetExperimentsAsync(CampaignId campaignId, CancellationToken cancellationToken = default) =>
        ReadAsync((c, ct) => PostgresReads.GetExperimentsAsync(c, SchemaVersion, campaignId, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<StateTransitionRecord>> GetTransitionsAsync(ExperimentId id, CancellationToken cancellationToken = default) =>
        ReadAsync((c, ct) => PostgresReads.GetTransitionsAsync(c, id, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<CommandRecord>> GetCommandsAsync(ExperimentId id, CancellationToken cancellationToken = default) =>
        ReadAsync((c, ct) => PostgresReads.GetCommandsAsync(c, SchemaVersion, id, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<InstrumentEventRecord>> GetEventsAsync(CommandId id, CancellationToken cancellationToken = default) =>
        ReadAsync((c, ct) => PostgresReads.GetEventsAsync(c, id, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask RecordInstrumentStatusAsync(InstrumentStatusRecord status, CancellationToken cancellationToken = default) =>
        WriteAsync((c, tx, ct) => PostgresAuditRecords.RecordInstrumentStatusAsync(c, tx, status, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<InstrumentStatusRecord>> GetInstrumentStatusesAsync(CancellationToken cancellationToken = default) =>
        ReadAsync((c, ct) => PostgresAuditRecords.GetInstrumentStatusesAsync(c, SchemaVersion, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask RecordControlRequestAsync(ControlRequestRecord request, CancellationToken cancellationToken = default) =>
        WriteAsync((c, tx, ct) => PostgresAuditRecords.RecordControlRequestAsync(c, tx, request, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ControlRequestRecord>> GetControlRequestsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync((c, ct) => PostgresAuditRecords.GetControlRequestsAsync(c, SchemaVersion, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask<DateTimeOffset?> GetLatestRecordedTimeAsync(CancellationToken cancellationToken = default) =>
        ReadAsync((c, ct) => PostgresReads.GetLatestRecordedTimeAsync(c, SchemaVersion, ct), cancellationToken);

    /// <summary>Closes the pool's connections. Later calls throw <see cref="ObjectDisposedException"/>. Idempotent.</summary>
    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        await _dataSource.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task<PostgresLedger> OpenCoreAsync(PostgresLedgerLocation location, bool isReadOnly, CancellationToken cancellationToken, CampaignLeaseBook? leases = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        var builder = new NpgsqlConnectionStringBuilder(location.ConnectionString);
        if (isReadOnly)
        {
            // The server refuses every write of these sessions, whatever a bug in this process might try.
            builder.Options = ((builder.Options ?? string.Empty) + " -c default_transaction_read_only=on").Trim();
        }

        var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        try
        {
            var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                if (isReadOnly)
                {
                    var version = await PostgresSchema.CheckAsync(connection, null, location, allowEmpty: false, cancellationToken).ConfigureAwait(false);
                    return new PostgresLedger(dataSource, location, isReadOnly: true, version, version);
                }

                var found = await PostgresSchema.EnsureAsync(connection, location, cancellationToken).ConfigureAwait(false);
                return new PostgresLedger(dataSource, location, isReadOnly: false, PostgresSchema.CurrentVersion, found, leases);
            }
        }
        catch (NpgsqlException ex)
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw new LedgerException($"Cannot open the PostgreSQL ledger '{location}'{(isReadOnly ? string.Empty : " for writing")}: {PostgresErrors.Describe(ex, location)}.", ex);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async ValueTask<T> ReadAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                return await read(connection, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (NpgsqlException ex)
        {
            throw new LedgerException($"Reading the ledger '{Location}' failed: {PostgresErrors.Describe(ex, _location)}.", ex);
        }
    }

    // Every write for a campaign goes through here: the fence first, in the same transaction as the write.
    private async ValueTask FencedWriteAsync(FenceScope scope, Func<NpgsqlConnection, NpgsqlTransaction, CampaignLease?, CancellationToken, Task> write, CancellationToken cancellationToken, [CallerMemberName] string operation = "")
    {
        if (scope.Dispatches && _leases is not null && !IsReadOnly)
        {
            // Self-fencing: a host that has not renewed for a while may have lost the lease without knowing; it waits.
            await _leases.WaitFreshAsync(cancellationToken).ConfigureAwait(false);
        }

        await WriteAsync(
            async (c, tx, ct) =>
            {
                var lease = await PostgresLeaseFence.CheckAsync(c, tx, _leases, scope, ct).ConfigureAwait(false);
                await write(c, tx, lease, ct).ConfigureAwait(false);
            },
            cancellationToken,
            operation).ConfigureAwait(false);
    }

    private async ValueTask WriteAsync(Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task> write, CancellationToken cancellationToken, [CallerMemberName] string operation = "")
    {
        if (IsReadOnly)
        {
            throw new LedgerException($"The ledger '{Location}' is open read-only.");
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    // Disposing an uncommitted transaction rolls it back, so any throw below leaves the ledger unchanged.
                    await write(connection, transaction, cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    LedgerMetrics.Committed("postgres", operation);
                }
            }
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrors.DiskFull)
        {
            throw new LedgerException(
                $"The ledger '{Location}' could not be written: {PostgresErrors.Describe(ex, _location)}. The write was rolled back; free some space, then run the campaign again to resume it.",
                ex);
        }
        catch (NpgsqlException ex)
        {
            throw new LedgerException($"The ledger '{Location}' refused the write: {PostgresErrors.Describe(ex, _location)}.", ex);
        }
    }
}
