using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Ledger.Sqlite;

namespace SelfDrivingLab.Ledger;

/// <summary>
/// An <see cref="ILedger"/> in one SQLite file (WAL journal, <c>synchronous=FULL</c>, foreign keys on,
/// schema versioned by <c>PRAGMA user_version</c>). Thread-safe: every operation holds one gate
/// around one connection. Every write is one <c>BEGIN IMMEDIATE</c> transaction that either commits
/// whole or throws <see cref="LedgerException"/> and rolls back.
/// </summary>
/// <remarks>
/// One gated connection rather than a pool: SQLite admits a single writer per file anyway, the
/// orchestrator's writes are small and infrequent (a few per experiment step), and a single
/// connection means our own writers never see <c>SQLITE_BUSY</c> from each other and no pooled
/// connection keeps the file open after <see cref="DisposeAsync"/>. Other processes (e.g. a
/// read-only <c>sdl status</c>) are handled by the busy timeout and WAL's concurrent readers.
/// </remarks>
public sealed class SqliteLedger : ILedgerStore
{
    /// <summary>The <see cref="StateTransitionRecord.From"/> of the transition stored with a new experiment (it had no state before).</summary>
    public const string NoState = LedgerWrites.NoState;

    /// <summary>The <see cref="StateTransitionRecord.Trigger"/> of the transition stored with a new experiment.</summary>
    public const string ProposedTrigger = LedgerWrites.ProposedTrigger;

    private const int BusyTimeoutMilliseconds = 10_000;

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _disposed;

    private SqliteLedger(SqliteConnection connection, string location, bool isReadOnly, int schemaVersion)
    {
        _connection = connection;
        Location = location;
        IsReadOnly = isReadOnly;
        SchemaVersion = schemaVersion;
    }

    /// <inheritdoc />
    public string Location { get; }

    /// <summary>True when opened with <see cref="OpenReadOnlyAsync"/>; writes then throw <see cref="LedgerException"/>.</summary>
    public bool IsReadOnly { get; }

    /// <summary>
    /// The file's schema version: the current one when opened for writing (an older file is migrated), possibly an older
    /// one when opened read-only (which never migrates; what the older schema lacks reads as null or empty).
    /// </summary>
    public int SchemaVersion { get; }

    /// <summary>
    /// Opens the ledger at <paramref name="path"/> for reading and writing, creating the file (and its
    /// directory) and schema when missing. Throws <see cref="LedgerException"/> when the file is not a
    /// ledger or has a newer schema version.
    /// </summary>
    public static Task<SqliteLedger> OpenAsync(string path, CancellationToken cancellationToken = default) =>
        OpenCoreAsync(path, isReadOnly: false, cancellationToken);

    /// <summary>
    /// Opens an existing ledger read-only (for export and status while a campaign may be running).
    /// Throws <see cref="LedgerException"/> when the file is missing, not a ledger, or newer than this build.
    /// </summary>
    public static Task<SqliteLedger> OpenReadOnlyAsync(string path, CancellationToken cancellationToken = default) =>
        OpenCoreAsync(path, isReadOnly: true, cancellationToken);

    /// <inheritdoc />
    public ValueTask CreateCampaignAsync(CampaignRecord campaign, CancellationToken cancellationToken = default) =>
        WriteAsync((tx, ct) => LedgerWrites.CreateCampaignAsync(_connection, tx, campaign, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask<CampaignRecord?> FindCampaignAsync(CampaignId id, CancellationToken cancellationToken = default) =>
        ReadAsync(ct => LedgerReads.FindCampaignAsync(_connection, SchemaVersion, id, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<CampaignRecord>> ListCampaignsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(ct => LedgerReads.ListCampaignsAsync(_connection, SchemaVersion, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask SetCampaignStatusAsync(CampaignId id, CampaignStatus status, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        WriteAsync((tx, ct) => LedgerWrites.SetCampaignStatusAsync(_connection, tx, id, status, at, ct), cancellationToken);

    /// <inheritdoc />
    /// <remarks>The stored first transition goes from <see cref="NoState"/> to the experiment's state with trigger <see cref="ProposedTrigger"/>.</remarks>
    public ValueTask AddExperimentAsync(ExperimentRecord experiment, CancellationToken cancellationToken = default) =>
        WriteAsync((tx, ct) => LedgerWrites.AddExperimentAsync(_connection, tx, experiment, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask RecordTransitionAsync(StateTransitionRecord transition, ExperimentStatus status, CancellationToken cancellationToken = default) =>
        WriteAsync((tx, ct) => LedgerWrites.RecordTransitionAsync(_connection, tx, transition, status, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask RecordResultAsync(ExperimentId id, ExperimentResult result, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        WriteAsync((tx, ct) => LedgerWrites.RecordResultAsync(_connection, tx, id, result, at, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask ReviseCampaignAsync(CampaignRevisionRecord revision, CancellationToken cancellationToken = default) =>
        WriteAsync((tx, ct) => LedgerCampaignRevisions.ReviseAsync(_connection, tx, revision, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<CampaignRevisionRecord>> GetCampaignRevisionsAsync(CampaignId id, CancellationToken cancellationToken = default) =>
        ReadAsync(ct => LedgerCampaignRevisions.GetAsync(_connection, SchemaVersion, id, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask RecordPriorDataAsync(CampaignId campaignId, IReadOnlyList<PriorDataRecord> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return WriteAsync((tx, ct) => LedgerPriorData.ReplaceAsync(_connection, tx, campaignId, rows, ct), cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<PriorDataRecord>> GetPriorDataAsync(CampaignId campaignId, CancellationToken cancellationToken = default) =>
        ReadAsync(ct => LedgerPriorData.GetAsync(_connection, SchemaVersion, campaignId, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask RecordCommandAsync(CommandRecord command, CancellationToken cancellationToken = default) =>
        WriteAsync((tx, ct) => LedgerWrites.RecordCommandAsync(_connection, tx, command, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask RecordEventAsync(InstrumentEventRecord instrumentEvent, CancellationToken cancellationToken = default) =>
        WriteAsync((tx, ct) => LedgerWrites.RecordEventAsync(_connection, tx, instrumentEvent, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask RecordBatchAsync(IReadOnlyList<LedgerWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        return writes.Count == 0
            ? ValueTask.CompletedTask
            : WriteAsync((tx, ct) => LedgerBatch.ApplyAsync(_connection, tx, writes, ct), cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<ExperimentRecord?> FindExperimentAsync(ExperimentId id, CancellationToken cancellationToken = default) =>
        ReadAsync(ct => LedgerReads.FindExperimentAsync(_connection, SchemaVersion, id, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ExperimentRecord>> GetExperimentsAsync(CampaignId campaignId, CancellationToken cancellationToken = default) =>
        ReadAsync(ct => LedgerReads.GetExperimentsAsync(_connection, SchemaVersion, campaignId, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<StateTransitionRecord>> GetTransitionsAsync(ExperimentId id, CancellationToken cancellationToken = default) =>
        ReadAsync(ct => LedgerReads.GetTransitionsAsync(_connection, id, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<CommandRecord>> GetCommandsAsync(ExperimentId id, CancellationToken cancellationToken = default) =>
        ReadAsync(ct => LedgerReads.GetCommandsAsync(_connection, SchemaVersion, id, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<InstrumentEventRecord>> GetEventsAsync(CommandId id, CancellationToken cancellationToken = default) =>
        ReadAsync(ct => LedgerReads.GetEventsAsync(_connection, id, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask RecordInstrumentStatusAsync(InstrumentStatusRecord status, CancellationToken cancellationToken = default) =>
        WriteAsync((tx, ct) => LedgerInstrumentStatus.RecordAsync(_connection, tx, status, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<InstrumentStatusRecord>> GetInstrumentStatusesAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(ct => LedgerInstrumentStatus.GetAllAsync(_connection, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask SetCampaignPauseAsync(CampaignId id, CampaignPause? pause, CancellationToken cancellationToken = default) =>
        WriteAsync((tx, ct) => LedgerWrites.SetCampaignPauseAsync(_connection, tx, id, pause, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask RecordControlRequestAsync(ControlRequestRecord request, CancellationToken cancellationToken = default) =>
        WriteAsync((tx, ct) => LedgerControlRequests.RecordAsync(_connection, tx, request, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ControlRequestRecord>> GetControlRequestsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(ct => LedgerControlRequests.GetAllAsync(_connection, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask<DateTimeOffset?> GetLatestRecordedTimeAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(ct => LedgerReads.GetLatestRecordedTimeAsync(_connection, SchemaVersion, ct), cancellationToken);

    /// <summary>Waits for the operation in progress, then closes the file. Later calls throw <see cref="ObjectDisposedException"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            // The gate itself is not disposed: callers still queued on it must get ObjectDisposedException, not a crash.
            _gate.Release();
        }
    }

    private static async Task<SqliteLedger> OpenCoreAsync(string path, bool isReadOnly, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        if (isReadOnly)
        {
            if (!File.Exists(fullPath))
            {
                throw new LedgerException($"No ledger at '{fullPath}'.");
            }

            var readOnly = await OpenReadOnlyConnectionAsync(fullPath, cancellationToken).ConfigureAwait(false);
            try
            {
                return new SqliteLedger(readOnly, fullPath, isReadOnly: true, await LedgerSchema.VersionAsync(readOnly, cancellationToken).ConfigureAwait(false));
            }
            catch
            {
                await readOnly.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        if (new FileInfo(fullPath) is { Exists: true, Length: > 0 })
        {
            // An existing file is checked through a read-only connection first: a damaged or foreign file is
            // refused before anything could write to it (closing a writable connection may checkpoint into it).
            var check = await OpenReadOnlyConnectionAsync(fullPath, cancellationToken, allowEmpty: true).ConfigureAwait(false);
            await using (check.ConfigureAwait(false))
            {
                await VerifyAsync(check, fullPath, cancellationToken).ConfigureAwait(false);
            }
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new LedgerException($"Cannot create the ledger '{fullPath}': {ex.Message}", ex);
        }

        var connection = new SqliteConnection(ConnectionString(fullPath, SqliteOpenMode.ReadWriteCreate));
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

            // Check before the journal-mode change so a stranger database is never modified.
            await LedgerSchema.CheckAsync(connection, fullPath, allowEmpty: true, cancellationToken).ConfigureAwait(false);
            await connection.ExecuteAsync(
                null,
                $"PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {BusyTimeoutMilliseconds};",
                cancellationToken).ConfigureAwait(false);
            await LedgerSchema.EnsureCurrentAsync(connection, fullPath, cancellationToken).ConfigureAwait(false);
            return new SqliteLedger(connection, fullPath, isReadOnly: false, LedgerSchema.CurrentVersion);
        }
        catch (SqliteException ex)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new LedgerException($"Cannot open '{fullPath}' as a ledger for writing: {SqliteErrors.Describe(ex)}", ex);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Opens an existing ledger read-only and checks it is one. In a read-only directory or mount SQLite
    /// cannot create the WAL index (<c>-shm</c>) it reads a WAL-mode file through; nothing can write the
    /// file there either, so it is then read as immutable — unless a <c>-wal</c> file holds transactions
    /// not yet copied into it, which an immutable read would miss.
    /// </summary>
    private static async Task<SqliteConnection> OpenReadOnlyConnectionAsync(string fullPath, CancellationToken cancellationToken, bool allowEmpty = false)
    {
        try
        {
            return await OpenCheckedAsync(ConnectionString(fullPath, SqliteOpenMode.ReadOnly), fullPath, allowEmpty, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteErrors.ReadOnly or SqliteErrors.CantOpen)
        {
            if (new FileInfo(fullPath + "-wal") is { Exists: true, Length: > 0 })
            {
                throw new LedgerException(
                    $"Cannot read the ledger '{fullPath}': its directory is read-only ({ex.Message}) and '{fullPath}-wal' holds transactions not yet in the file. Copy both files to a writable directory and read the copy.",
                    ex);
            }

            var immutable = new Uri(fullPath).AbsoluteUri + "?immutable=1";
            try
            {
                return await OpenCheckedAsync(ConnectionString(immutable, SqliteOpenMode.ReadOnly), fullPath, allowEmpty, cancellationToken).ConfigureAwait(false);
            }
            catch (SqliteException inner)
            {
                throw new LedgerException($"Cannot open '{fullPath}' as a ledger: {SqliteErrors.Describe(inner)}", inner);
            }
        }
        catch (SqliteException ex)
        {
            throw new LedgerException($"Cannot open '{fullPath}' as a ledger: {SqliteErrors.Describe(ex)}", ex);
        }
    }

    private static async Task<SqliteConnection> OpenCheckedAsync(string connectionString, string fullPath, bool allowEmpty, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await LedgerSchema.CheckAsync(connection, fullPath, allowEmpty, cancellationToken).ConfigureAwait(false);
            await connection.ExecuteAsync(null, $"PRAGMA query_only = ON; PRAGMA busy_timeout = {BusyTimeoutMilliseconds};", cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task VerifyAsync(SqliteConnection connection, string fullPath, CancellationToken cancellationToken)
    {
        try
        {
            await LedgerIntegrity.VerifyAsync(connection, fullPath, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            throw new LedgerException($"The ledger '{fullPath}' is damaged: {SqliteErrors.Describe(ex)}. It was not changed; restore it from a backup, or use another ledger file.", ex);
        }
    }

    private static string ConnectionString(string dataSource, SqliteOpenMode mode) => new SqliteConnectionStringBuilder
    {
        DataSource = dataSource,
        Mode = mode,
        Pooling = false,
        ForeignKeys = mode != SqliteOpenMode.ReadOnly,
        DefaultTimeout = BusyTimeoutMilliseconds / 1000,
    }.ToString();

    private async ValueTask<T> ReadAsync<T>(Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return await read(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            throw new LedgerException($"Reading the ledger '{Location}' failed: {SqliteErrors.Describe(ex)}", ex);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async ValueTask WriteAsync(Func<SqliteTransaction, CancellationToken, Task> write, CancellationToken cancellationToken, [CallerMemberName] string operation = "")
    {
        if (IsReadOnly)
        {
            throw new LedgerException($"The ledger '{Location}' is open read-only.");
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                // Disposing an uncommitted transaction rolls it back, so any throw below leaves the file unchanged.
                await write(transaction, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                LedgerMetrics.Committed("sqlite", operation);
            }
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteErrors.Full)
        {
            throw new LedgerException(
                $"The ledger '{Location}' could not be written: {SqliteErrors.Describe(ex)}. The write was rolled back; free some space, then run the campaign again to resume it.",
                ex);
        }
        catch (SqliteException ex)
        {
            throw new LedgerException($"The ledger '{Location}' refused the write: {SqliteErrors.Describe(ex)}", ex);
        }
        finally
        {
            _gate.Release();
        }
    }
}
