namespace SelfDrivingLab.Ledger.Postgres.Postgres;

/// <summary>
/// The PostgreSQL ledger's schema, one step per version. The versions are the ledger contract's (the SQLite ledger's
/// <c>user_version</c>): version N of either store holds the same records, so "schema 5" means one thing.
/// </summary>
/// <remarks>
/// Values are stored as the SQLite ledger stores them: times as ISO-8601 text with their original offset (a
/// <c>timestamptz</c> would keep the instant but lose the offset that was recorded) next to UTC ticks that sort by
/// instant; parameter sets and outputs as JSON text (<c>jsonb</c> would reorder keys and normalise numbers, and they
/// must read back exactly). <c>seq</c> columns keep insertion order where SQLite's <c>rowid</c> does.
/// </remarks>
internal static class PostgresSchemaSteps
{
    public const string Version1 = """
        CREATE TABLE campaigns (
            id text NOT NULL PRIMARY KEY,
            seq bigint GENERATED ALWAYS AS IDENTITY,
            name text NOT NULL,
            definition text NOT NULL,
            seed integer NOT NULL,
            budget integer NOT NULL,
            status text NOT NULL,
            created_at text NOT NULL,
            created_at_ticks bigint NOT NULL,
            updated_at text NOT NULL
        );
        CREATE TABLE experiments (
            id text NOT NULL PRIMARY KEY,
            campaign_id text NOT NULL REFERENCES campaigns (id),
            sequence integer NOT NULL,
            parameters text NOT NULL,
            status text NOT NULL,
            state text NOT NULL,
            proposal text NOT NULL,
            proposed_at text NOT NULL,
            updated_at text NOT NULL,
            measurements text,
            objective double precision,
            failure_reason text,
            UNIQUE (campaign_id, sequence)
        );
        CREATE TABLE transitions (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            experiment_id text NOT NULL REFERENCES experiments (id),
            from_state text NOT NULL,
            to_state text NOT NULL,
            trigger text NOT NULL,
            at text NOT NULL,
            at_ticks bigint NOT NULL,
            detail text
        );
        CREATE INDEX ix_transitions_experiment ON transitions (experiment_id, at_ticks, id);
        CREATE TABLE commands (
            id text NOT NULL PRIMARY KEY,
            seq bigint GENERATED ALWAYS AS IDENTITY,
            experiment_id text NOT NULL REFERENCES experiments (id),
            instrument text NOT NULL,
            step text NOT NULL,
            action text NOT NULL,
            parameters text NOT NULL,
            sent_at text NOT NULL,
            sent_at_ticks bigint NOT NULL,
            deadline text NOT NULL
        );
        CREATE INDEX ix_commands_experiment ON commands (experiment_id, sent_at_ticks);
        CREATE TABLE events (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            command_id text NOT NULL REFERENCES commands (id),
            instrument text NOT NULL,
            kind text NOT NULL,
            at text NOT NULL,
            at_ticks bigint NOT NULL,
            payload text NOT NULL
        );
        CREATE INDEX ix_events_command ON events (command_id, at_ticks, id);
        """;

    public const string Version2 = """
        CREATE TABLE instrument_status (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            site text NOT NULL,
            instrument text NOT NULL,
            kind text NOT NULL,
            at text NOT NULL,
            at_ticks bigint NOT NULL,
            actor text NOT NULL,
            detail text NOT NULL
        );
        CREATE INDEX ix_instrument_status_instrument ON instrument_status (site, instrument, at_ticks, id);
        """;

    public const string Version3 = """
        ALTER TABLE campaigns ADD COLUMN identity text;
        CREATE TABLE campaign_revisions (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            campaign_id text NOT NULL REFERENCES campaigns (id),
            kind text NOT NULL,
            at text NOT NULL,
            at_ticks bigint NOT NULL,
            definition text NOT NULL,
            identity text NOT NULL,
            seed integer NOT NULL,
            budget integer NOT NULL,
            changes text NOT NULL
        );
        CREATE INDEX ix_campaign_revisions_campaign ON campaign_revisions (campaign_id, at_ticks, id);
        ALTER TABLE experiments ADD COLUMN outputs text;
        ALTER TABLE experiments ADD COLUMN objectives text;
        """;

    public const string Version4 = """
        CREATE TABLE prior_data (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            campaign_id text NOT NULL REFERENCES campaigns (id),
            "row" integer NOT NULL,
            line integer,
            parameters text NOT NULL,
            outputs text NOT NULL,
            objectives text NOT NULL,
            UNIQUE (campaign_id, "row")
        );
        """;

    public const string Version5 = """
        ALTER TABLE campaigns ADD COLUMN paused_at text;
        ALTER TABLE campaigns ADD COLUMN paused_by text;
        ALTER TABLE campaigns ADD COLUMN pause_reason text;
        CREATE TABLE control_requests (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            at text NOT NULL,
            at_ticks bigint NOT NULL,
            site text NOT NULL,
            request_id text NOT NULL,
            client_id text,
            identity text,
            operator text NOT NULL,
            action text NOT NULL,
            target text,
            reason text,
            outcome text NOT NULL,
            detail text NOT NULL
        );
        CREATE INDEX ix_control_requests_at ON control_requests (at_ticks, id);
        """;

    // The site of the instrument a command was sent to (NULL: the campaign's own site).
    public const string Version6 = """
        ALTER TABLE commands ADD COLUMN site text;
        """;

    // Version 7 (issue 14 item 4): several hosts share one PostgreSQL ledger, each campaign owned by one host through a lease
    // (keyed by the campaign's name, which is what a run resumes by, so two hosts can never both start or resume it); the
    // epoch grows by one at every acquisition, and every command records the owner and epoch it was dispatched under.
    public const string Version7 = """
        CREATE TABLE campaign_leases (
            campaign text NOT NULL PRIMARY KEY,
            owner text NOT NULL,
            epoch bigint NOT NULL,
            acquired_at timestamptz NOT NULL,
            expires_at timestamptz NOT NULL,
            heartbeat_at timestamptz NOT NULL
        );
        ALTER TABLE commands ADD COLUMN lease_owner text;
        ALTER TABLE commands ADD COLUMN lease_epoch bigint;
        """;
}
