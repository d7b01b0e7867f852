using Microsoft.Data.Sqlite;
using SelfDrivingLab.Core.Ledger;

namespace SelfDrivingLab.Ledger.Sqlite;

/// <summary>Creates, recognises and migrates the ledger schema, versioned by <c>PRAGMA user_version</c>.</summary>
internal static class LedgerSchema
{
    /// <summary>The schema version this build writes.</summary>
    public const int CurrentVersion = 7;

    /// <summary>
    /// Marks a SQLite file as a ledger ('SDL1'), so a stranger database that happens to be at
    /// version 0 is never mistaken for an empty ledger and written into.
    /// </summary>
    public const int ApplicationId = 0x53444C31;

    // Timestamps are kept twice: ISO-8601 text with the original offset (what was recorded) and UTC
    // ticks (what "oldest first" sorts by, since text with differing offsets does not sort by instant).
    private const string Version1 = """
        CREATE TABLE campaigns (
            id TEXT NOT NULL PRIMARY KEY,
            name TEXT NOT NULL,
            definition TEXT NOT NULL,
            seed INTEGER NOT NULL,
            budget INTEGER NOT NULL,
            status TEXT NOT NULL,
            created_at TEXT NOT NULL,
            created_at_ticks INTEGER NOT NULL,
            updated_at TEXT NOT NULL
        ) STRICT;
        CREATE TABLE experiments (
            id TEXT NOT NULL PRIMARY KEY,
            campaign_id TEXT NOT NULL REFERENCES campaigns (id),
            sequence INTEGER NOT NULL,
            parameters TEXT NOT NULL,
            status TEXT NOT NULL,
            state TEXT NOT NULL,
            proposal TEXT NOT NULL,
            proposed_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            measurements TEXT,
            objective REAL,
            failure_reason TEXT,
            UNIQUE (campaign_id, sequence)
        ) STRICT;
        CREATE TABLE transitions (
            id INTEGER PRIMARY KEY,
            experiment_id TEXT NOT NULL REFERENCES experiments (id),
            from_state TEXT NOT NULL,
            to_state TEXT NOT NULL,
            trigger TEXT NOT NULL,
            at TEXT NOT NULL,
            at_ticks INTEGER NOT NULL,
            detail TEXT
        ) STRICT;
        CREATE INDEX ix_transitions_experiment ON transitions (experiment_id, at_ticks, id);
        CREATE TABLE commands (
            id TEXT NOT NULL PRIMARY KEY,
            experiment_id TEXT NOT NULL REFERENCES experiments (id),
            instrument TEXT NOT NULL,
            step TEXT NOT NULL,
            action TEXT NOT NULL,
            parameters TEXT NOT NULL,
            sent_at TEXT NOT NULL,
            sent_at_ticks INTEGER NOT NULL,
            deadline TEXT NOT NULL
        ) STRICT;
        CREATE INDEX ix_commands_experiment ON commands (experiment_id, sent_at_ticks);
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            command_id TEXT NOT NULL REFERENCES commands (id),
            instrument TEXT NOT NULL,
            kind TEXT NOT NULL,
            at TEXT NOT NULL,
            at_ticks INTEGER NOT NULL,
            payload TEXT NOT NULL
        ) STRICT;
        CREATE INDEX ix_events_command ON events (command_id, at_ticks, id);
        """;

    // Version 2: instrument-level events (quarantine, return to service).
    private const string Version2 = """
        CREATE TABLE instrument_status (
            id INTEGER PRIMARY KEY,
            site TEXT NOT NULL,
            instrument TEXT NOT NULL,
            kind TEXT NOT NULL,
            at TEXT NOT NULL,
            at_ticks INTEGER NOT NULL,
            actor TEXT NOT NULL,
            detail TEXT NOT NULL
        ) STRICT;
        CREATE INDEX ix_instrument_status_instrument ON instrument_status (site, instrument, at_ticks, id);
        """;

    // Version 3 (issue 10): a campaign's canonical identity and its revisions (resumed under a changed definition); every
    // output of every step and the objective vector of each experiment. Experiments stored before get their vector from
    // their one objective value (LedgerObjectiveBackfill); their per-step outputs stay unknown (NULL).
    private const string Version3 = """
        ALTER TABLE campaigns ADD COLUMN identity TEXT;
        CREATE TABLE campaign_revisions (
            id INTEGER PRIMARY KEY,
            campaign_id TEXT NOT NULL REFERENCES campaigns (id),
            kind TEXT NOT NULL,
            at TEXT NOT NULL,
            at_ticks INTEGER NOT NULL,
            definition TEXT NOT NULL,
            identity TEXT NOT NULL,
            seed INTEGER NOT NULL,
            budget INTEGER NOT NULL,
            changes TEXT NOT NULL
        ) STRICT;
        CREATE INDEX ix_campaign_revisions_campaign ON campaign_revisions (campaign_id, at_ticks, id);
        ALTER TABLE experiments ADD COLUMN outputs TEXT;
        ALTER TABLE experiments ADD COLUMN objectives TEXT;
        """;

    // Version 4 (issue 10): a campaign's prior data, the earlier measurements that train its model from the start.
    private const string Version4 = """
        CREATE TABLE prior_data (
            id INTEGER PRIMARY KEY,
            campaign_id TEXT NOT NULL REFERENCES campaigns (id),
            row INTEGER NOT NULL,
            line INTEGER,
            parameters TEXT NOT NULL,
            outputs TEXT NOT NULL,
            objectives TEXT NOT NULL,
            UNIQUE (campaign_id, row)
        ) STRICT;
        """;

    // Version 5 (issue 11): a campaign may be stored 'Interrupted' (its host stopped; resumable), which
    // builds before it would misread as an unknown status, so they refuse the file by its version instead; a campaign's pause
    // (restored after a restart); the audit trail of operator control requests (client_id and identity stay NULL until the
    // transport and the broker's authentication provide them).
    private const string Version5 = """
        ALTER TABLE campaigns ADD COLUMN paused_at TEXT;
        ALTER TABLE campaigns ADD COLUMN paused_by TEXT;
        ALTER TABLE campaigns ADD COLUMN pause_reason TEXT;
        CREATE TABLE control_requests (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            at_ticks INTEGER NOT NULL,
            site TEXT NOT NULL,
            request_id TEXT NOT NULL,
            client_id TEXT,
            identity TEXT,
            operator TEXT NOT NULL,
            action TEXT NOT NULL,
            target TEXT,
            reason TEXT,
            outcome TEXT NOT NULL,
            detail TEXT NOT NULL
        ) STRICT;
        CREATE INDEX ix_control_requests_at ON control_requests (at_ticks, id);
        """;

    // Version 6 (issue 14): the site of the instrument a command was sent to, so a restarted host reconciles a command sent
    // to another site there; NULL (every older row) is the campaign's own site.
    private const string Version6 = """
        ALTER TABLE commands ADD COLUMN site TEXT;
        """;

    // Version 7 (issue 14 item 4): the lease owner and epoch a command was dispatched under. A file has one writer (its file
    // lock), so they stay NULL here; the PostgreSQL ledger fills them and adds its campaign_leases table.
    private const string Version7 = """
        ALTER TABLE commands ADD COLUMN lease_owner TEXT;
        ALTER TABLE commands ADD COLUMN lease_epoch INTEGER;
        """;

    /// <summary>Brings a writable database to <see cref="CurrentVersion"/>, or throws when it is not a ledger.</summary>
    public static async Task EnsureCurrentAsync(SqliteConnection connection, string location, CancellationToken cancellationToken)
    {
        var version = await CheckAsync(connection, location, allowEmpty: true, cancellationToken).ConfigureAwait(false);
        if (version == CurrentVersion)
        {
            return;
        }

        var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            // Each step brings the file from the version before it; a brand-new file (0) takes them all.
            if (version < 1)
            {
                await ExecuteAsync(connection, transaction, Version1, cancellationToken).ConfigureAwait(false);
            }

            if (version < 2)
            {
                await ExecuteAsync(connection, transaction, Version2, cancellationToken).ConfigureAwait(false);
            }

            if (version < 3)
            {
                await ExecuteAsync(connection, transaction, Version3, cancellationToken).ConfigureAwait(false);
                await LedgerObjectiveBackfill.RunAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            }

            if (version < 4)
            {
                await ExecuteAsync(connection, transaction, Version4, cancellationToken).ConfigureAwait(false);
            }

            if (version < 5)
            {
                await ExecuteAsync(connection, transaction, Version5, cancellationToken).ConfigureAwait(false);
            }

            if (version < 6)
            {
                await ExecuteAsync(connection, transaction, Version6, cancellationToken).ConfigureAwait(false);
            }

            if (version < 7)
            {
                await ExecuteAsync(connection, transaction, Version7, cancellationToken).ConfigureAwait(false);
            }

            await ExecuteAsync(connection, transaction, $"PRAGMA application_id = {ApplicationId}; PRAGMA user_version = {CurrentVersion};", cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Checks that a database is a ledger this build can read; returns its version (0 only when empty and allowed).</summary>
    public static async Task<int> CheckAsync(SqliteConnection connection, string location, bool allowEmpty, CancellationToken cancellationToken)
    {
        var applicationId = await ScalarAsync(connection, "PRAGMA application_id;", cancellationToken).ConfigureAwait(false);
        var version = await ScalarAsync(connection, "PRAGMA user_version;", cancellationToken).ConfigureAwait(false);
        var tables = await ScalarAsync(connection, "SELECT count(*) FROM sqlite_schema;", cancellationToken).ConfigureAwait(false);

        if (applicationId == 0 && version == 0 && tables == 0)
        {
            return allowEmpty
                ? 0
                : throw new LedgerException($"'{location}' is an empty database, not a ledger; run a campaign first to create it.");
        }

        if (applicationId != ApplicationId)
        {
            throw new LedgerException($"'{location}' is a SQLite database but not a SelfDrivingLab ledger (application_id {applicationId}, {tables} schema objects).");
        }

        if (version > CurrentVersion)
        {
            throw new LedgerException($"The ledger '{location}' has schema version {version}, newer than this build understands ({CurrentVersion}); upgrade SelfDrivingLab.");
        }

        if (version < 1)
        {
            throw new LedgerException($"The ledger '{location}' has no schema version; the file is damaged.");
        }

        return (int)version;
    }

    /// <summary>The schema version of a database already checked to be a ledger (a read-only file may be older than <see cref="CurrentVersion"/>).</summary>
    public static async Task<int> VersionAsync(SqliteConnection connection, CancellationToken cancellationToken) =>
        (int)await ScalarAsync(connection, "PRAGMA user_version;", cancellationToken).ConfigureAwait(false);

    /// <summary>True when the database has the control request table (version 5 and later).</summary>
    public static async Task<bool> HasControlRequestsAsync(SqliteConnection connection, CancellationToken cancellationToken) =>
        await ScalarAsync(connection, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'control_requests';", cancellationToken).ConfigureAwait(false) > 0;

    /// <summary>True when the database has the instrument-level event table (version 2 and later; a read-only older file does not).</summary>
    public static async Task<bool> HasInstrumentStatusAsync(SqliteConnection connection, CancellationToken cancellationToken) =>
        await ScalarAsync(connection, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'instrument_status';", cancellationToken).ConfigureAwait(false) > 0;

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = sql;
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
