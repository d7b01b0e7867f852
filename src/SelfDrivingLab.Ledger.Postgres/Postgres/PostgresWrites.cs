using Npgsql;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Ledger.Postgres.Leases;
using SelfDrivingLab.Ledger.Sqlite;
using static SelfDrivingLab.Ledger.Postgres.Postgres.NpgsqlCommands;

namespace SelfDrivingLab.Ledger.Postgres.Postgres;

/// <summary>
/// The ledger's writes, as <see cref="LedgerWrites"/> makes them in SQLite, with the same refusals and messages. Each runs
/// inside the caller's transaction and checks its preconditions with queries first (rows it depends on are locked
/// <c>FOR UPDATE</c>, since PostgreSQL admits concurrent writers where SQLite has one).
/// </summary>
internal static class PostgresWrites
{
    public static async Task CreateCampaignAsync(NpgsqlConnection c, NpgsqlTransaction tx, CampaignRecord campaign, CancellationToken ct)
    {
        if (await c.ExistsAsync(tx, "SELECT 1 FROM campaigns WHERE id = @id", ct, P("id", campaign.Id.Value)).ConfigureAwait(false))
        {
            throw new LedgerException($"Campaign '{campaign.Id}' already exists.");
        }

        await c.ExecuteAsync(
            tx,
            "INSERT INTO campaigns (id, name, definition, seed, budget, status, created_at, created_at_ticks, updated_at, identity) " +
            "VALUES (@id, @name, @definition, @seed, @budget, @status, @created, @ticks, @updated, @identity)",
            ct,
            P("id", campaign.Id.Value),
            P("name", campaign.Name),
            P("definition", campaign.Definition),
            P("seed", campaign.Seed),
            P("budget", campaign.Budget),
            P("status", LedgerValues.ToText(campaign.Status)),
            P("created", LedgerValues.FormatTime(campaign.CreatedAt)),
            P("ticks", campaign.CreatedAt.UtcTicks),
            P("updated", LedgerValues.FormatTime(campaign.UpdatedAt)),
            P("identity", campaign.Identity)).ConfigureAwait(false);
    }

    public static async Task SetCampaignStatusAsync(NpgsqlConnection c, NpgsqlTransaction tx, CampaignId id, CampaignStatus status, DateTimeOffset at, CancellationToken ct)
    {
        var rows = await c.ExecuteAsync(
            tx,
            "UPDATE campaigns SET status = @status, updated_at = @at WHERE id = @id",
            ct,
            P("id", id.Value),
            P("status", LedgerValues.ToText(status)),
            P("at", LedgerValues.FormatTime(at))).ConfigureAwait(false);
        if (rows == 0)
        {
            throw new LedgerException($"Unknown campaign '{id}'.");
        }
    }

    public static async Task SetCampaignPauseAsync(NpgsqlConnection c, NpgsqlTransaction tx, CampaignId id, CampaignPause? pause, CancellationToken ct)
    {
        if (pause is not null && string.IsNullOrWhiteSpace(pause.By))
        {
            throw new LedgerException($"The pause of campaign '{id}' names nobody who paused it.");
        }

        var rows = await c.ExecuteAsync(
            tx,
            "UPDATE campaigns SET paused_at = @at, paused_by = @by, pause_reason = @reason WHERE id = @id",
            ct,
            P("id", id.Value),
            P("at", pause is null ? null : LedgerValues.FormatTime(pause.At)),
            P("by", pause?.By),
            P("reason", pause?.Reason)).ConfigureAwait(false);
        if (rows == 0)
        {
            throw new LedgerException($"Unknown campaign '{id}'.");
        }
    }

    public static async Task AddExperimentAsync(NpgsqlConnection c, NpgsqlTransaction tx, ExperimentRecord e, CancellationToken ct)
    {
        if (e.Sequence < 1)
        {
            throw new LedgerException($"Experiment '{e.Id}': sequence must be 1 or more (got {e.Sequence}).");
        }

        if (e.Objective is { } objective && !double.IsFinite(objective))
        {
            throw new LedgerException($"Experiment '{e.Id}': objective must be a finite number (got {objective}).");
        }

        CheckObjectives(e.Id, e.Objectives ?? []);

        // FOR SHARE: the campaign cannot vanish (it never does) nor be read half-written while the experiment is added.
        if (!await c.ExistsAsync(tx, "SELECT 1 FROM campaigns WHERE id = @id FOR SHARE", ct, P("id", e.CampaignId.Value)).ConfigureAwait(false))
        {
            throw new LedgerException($"Experiment '{e.Id}' names unknown campaign '{e.CampaignId}'.");
        }

        if (await c.ExistsAsync(tx, "SELECT 1 FROM experiments WHERE id = @id", ct, P("id", e.Id.Value)).ConfigureAwait(false))
        {
            throw new LedgerException($"Experiment '{e.Id}' already exists.");
        }

        if (await c.ExistsAsync(tx, "SELECT 1 FROM experiments WHERE campaign_id = @c AND sequence = @s", ct, P("c", e.CampaignId.Value), P("s", e.Sequence)).ConfigureAwait(false))
        {
            throw new LedgerException($"Campaign '{e.CampaignId}' already has an experiment with sequence {e.Sequence}.");
        }

        await c.ExecuteAsync(
            tx,
            "INSERT INTO experiments (id, campaign_id, sequence, parameters, status, state, proposal, proposed_at, updated_at, measurements, objective, failure_reason, outputs, objectives) " +
            "VALUES (@id, @campaign, @sequence, @parameters, @status, @state, @proposal, @proposed, @updated, @measurements, @objective, @failure, @outputs, @objectives)",
            ct,
            P("id", e.Id.Value),
            P("campaign", e.CampaignId.Value),
            P("sequence", e.Sequence),
            P("parameters", LedgerValues.ToJson(e.Parameters)),
            P("status", LedgerValues.ToText(e.Status)),
            P("state", e.State),
            P("proposal", e.Proposal),
            P("proposed", LedgerValues.FormatTime(e.ProposedAt)),
            P("updated", LedgerValues.FormatTime(e.UpdatedAt)),
            P("measurements", e.Measurements is null ? null : LedgerValues.ToJson(e.Measurements)),
            P("objective", e.Objective),
            P("failure", e.FailureReason),
            P("outputs", e.Outputs is null ? null : LedgerValues.OutputsToJson(e.Outputs)),
            P("objectives", e.Objectives is null ? null : LedgerValues.ObjectivesToJson(e.Objectives))).ConfigureAwait(false);

        await InsertTransitionAsync(c, tx, new StateTransitionRecord(e.Id, LedgerWrites.NoState, e.State, LedgerWrites.ProposedTrigger, e.ProposedAt), ct).ConfigureAwait(false);
    }

    public static async Task RecordTransitionAsync(NpgsqlConnection c, NpgsqlTransaction tx, StateTransitionRecord t, ExperimentStatus status, CancellationToken ct)
    {
        // FOR UPDATE: two writers moving one experiment are serialised, and the second sees the first's state.
        var current = await c.QueryAsync(
            tx,
            "SELECT status, state FROM experiments WHERE id = @id FOR UPDATE",
            r => (Status: LedgerValues.ParseEnum<ExperimentStatus>(r.GetString(0)), State: r.GetString(1)),
            ct,
            P("id", t.ExperimentId.Value)).ConfigureAwait(false);
        if (current.Count == 0)
        {
            throw new LedgerException($"Unknown experiment '{t.ExperimentId}'.");
        }

        LedgerTransitionRules.Check(t, current[0].Status, current[0].State);

        var finishedBadly = status is ExperimentStatus.Failed or ExperimentStatus.Aborted;
        await c.ExecuteAsync(
            tx,
            "UPDATE experiments SET status = @status, state = @state, updated_at = @at, " +
            "failure_reason = CASE WHEN @failed THEN @detail ELSE failure_reason END WHERE id = @id",
            ct,
            P("id", t.ExperimentId.Value),
            P("status", LedgerValues.ToText(status)),
            P("state", t.To),
            P("at", LedgerValues.FormatTime(t.At)),
            P("failed", finishedBadly),
            P("detail", t.Detail)).ConfigureAwait(false);
        await InsertTransitionAsync(c, tx, t, ct).ConfigureAwait(false);
    }

    public static async Task RecordResultAsync(NpgsqlConnection c, NpgsqlTransaction tx, ExperimentId id, ExperimentResult result, DateTimeOffset at, CancellationToken ct)
    {
        CheckObjectives(id, result.Objectives);
        var rows = await c.ExecuteAsync(
            tx,
            "UPDATE experiments SET measurements = @m, outputs = @outputs, objective = @o, objectives = @objectives, updated_at = @at WHERE id = @id",
            ct,
            P("id", id.Value),
            P("m", LedgerValues.ToJson(result.Measurements)),
            P("outputs", LedgerValues.OutputsToJson(result.Outputs)),
            P("o", result.Objectives.Count == 0 ? null : result.Objectives[0].Value),
            P("objectives", result.Objectives.Count == 0 ? null : LedgerValues.ObjectivesToJson(result.Objectives)),
            P("at", LedgerValues.FormatTime(at))).ConfigureAwait(false);
        if (rows == 0)
        {
            throw new LedgerException($"Unknown experiment '{id}'.");
        }
    }

    public static async Task RecordCommandAsync(NpgsqlConnection c, NpgsqlTransaction tx, CommandRecord command, CampaignLease? lease, CancellationToken ct)
    {
        if (!await c.ExistsAsync(tx, "SELECT 1 FROM experiments WHERE id = @id", ct, P("id", command.ExperimentId.Value)).ConfigureAwait(false))
        {
            throw new LedgerException($"Command '{command.Id}' names unknown experiment '{command.ExperimentId}'.");
        }

        if (await c.ExistsAsync(tx, "SELECT 1 FROM commands WHERE id = @id", ct, P("id", command.Id.Value)).ConfigureAwait(false))
        {
            throw new LedgerException($"Command '{command.Id}' already exists.");
        }

        await c.ExecuteAsync(
            tx,
            "INSERT INTO commands (id, experiment_id, instrument, step, action, parameters, sent_at, sent_at_ticks, deadline, site, lease_owner, lease_epoch) " +
            "VALUES (@id, @experiment, @instrument, @step, @action, @parameters, @sent, @ticks, @deadline, @site, @owner, @epoch)",
            ct,
            P("id", command.Id.Value),
            P("experiment", command.ExperimentId.Value),
            P("instrument", command.Instrument.Value),
            P("step", command.Step),
            P("action", command.Action),
            P("parameters", LedgerValues.ToJson(command.Parameters)),
            P("sent", LedgerValues.FormatTime(command.SentAt)),
            P("ticks", command.SentAt.UtcTicks),
            P("deadline", LedgerValues.FormatTime(command.Deadline)),
            P("site", command.Site?.Value),
            P("owner", lease?.Owner),
            P("epoch", lease?.Epoch)).ConfigureAwait(false);
    }

    public static async Task RecordEventAsync(NpgsqlConnection c, NpgsqlTransaction tx, InstrumentEventRecord e, CancellationToken ct)
    {
        if (!await c.ExistsAsync(tx, "SELECT 1 FROM commands WHERE id = @id", ct, P("id", e.CommandId.Value)).ConfigureAwait(false))
        {
            throw new LedgerException($"Event '{e.Kind}' names unknown command '{e.CommandId}'.");
        }

        await c.ExecuteAsync(
            tx,
            "INSERT INTO events (command_id, instrument, kind, at, at_ticks, payload) VALUES (@command, @instrument, @kind, @at, @ticks, @payload)",
            ct,
            P("command", e.CommandId.Value),
            P("instrument", e.Instrument.Value),
            P("kind", e.Kind),
            P("at", LedgerValues.FormatTime(e.At)),
            P("ticks", e.At.UtcTicks),
            P("payload", e.Payload)).ConfigureAwait(false);
    }

    private static void CheckObjectives(ExperimentId id, IReadOnlyList<ObjectiveValue> objectives)
    {
        foreach (var objective in objectives)
        {
            if (!double.IsFinite(objective.Value))
            {
                throw new LedgerException($"Experiment '{id}': objective must be a finite number (got {objective.Value} for '{objective.Output}').");
            }

            if (string.IsNullOrEmpty(objective.Output))
            {
                throw new LedgerException($"Experiment '{id}': an objective value names no output.");
            }
        }
    }

    private static async Task InsertTransitionAsync(NpgsqlConnection c, NpgsqlTransaction tx, StateTransitionRecord t, CancellationToken ct) =>
        await c.ExecuteAsync(
            tx,
            "INSERT INTO transitions (experiment_id, from_state, to_state, trigger, at, at_ticks, detail) VALUES (@id, @from, @to, @trigger, @at, @ticks, @detail)",
            ct,
            P("id", t.ExperimentId.Value),
            P("from", t.From),
            P("to", t.To),
            P("trigger", t.Trigger),
            P("at", LedgerValues.FormatTime(t.At)),
            P("ticks", t.At.UtcTicks),
            P("detail", t.Detail)).ConfigureAwait(false);
}
