using Microsoft.Data.Sqlite;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;

namespace SelfDrivingLab.Ledger.Sqlite;

/// <summary>
/// The ledger's writes. Each runs inside the caller's transaction and checks its preconditions
/// with queries first, so a refusal names the problem instead of surfacing a constraint code.
/// </summary>
internal static class LedgerWrites
{
    /// <summary>The <see cref="StateTransitionRecord.From"/> of an experiment's first transition: it had no state before.</summary>
    public const string NoState = "";

    /// <summary>The trigger of an experiment's first transition.</summary>
    public const string ProposedTrigger = "proposed";

    public static async Task CreateCampaignAsync(SqliteConnection c, SqliteTransaction tx, CampaignRecord campaign, CancellationToken ct)
    {
        if (await c.ExistsAsync(tx, "SELECT 1 FROM campaigns WHERE id = $id", ct, ("$id", campaign.Id.Value)).ConfigureAwait(false))
        {
            throw new LedgerException($"Campaign '{campaign.Id}' already exists.");
        }

        await c.ExecuteAsync(
            tx,
            "INSERT INTO campaigns (id, name, definition, seed, budget, status, created_at, created_at_ticks, updated_at, identity) " +
            "VALUES ($id, $name, $definition, $seed, $budget, $status, $created, $ticks, $updated, $identity)",
            ct,
            ("$id", campaign.Id.Value),
            ("$name", campaign.Name),
            ("$definition", campaign.Definition),
            ("$seed", campaign.Seed),
            ("$budget", campaign.Budget),
            ("$status", LedgerValues.ToText(campaign.Status)),
            ("$created", LedgerValues.FormatTime(campaign.CreatedAt)),
            ("$ticks", campaign.CreatedAt.UtcTicks),
            ("$updated", LedgerValues.FormatTime(campaign.UpdatedAt)),
            ("$identity", campaign.Identity)).ConfigureAwait(false);
    }

    public static async Task SetCampaignStatusAsync(SqliteConnection c, SqliteTransaction tx, CampaignId id, CampaignStatus status, DateTimeOffset at, CancellationToken ct)
    {
        var rows = await c.ExecuteAsync(
            tx,
            "UPDATE campaigns SET status = $status, updated_at = $at WHERE id = $id",
            ct,
            ("$id", id.Value),
            ("$status", LedgerValues.ToText(status)),
            ("$at", LedgerValues.FormatTime(at))).ConfigureAwait(false);
        if (rows == 0)
        {
            throw new LedgerException($"Unknown campaign '{id}'.");
        }
    }

    public static async Task SetCampaignPauseAsync(SqliteConnection c, SqliteTransaction tx, CampaignId id, CampaignPause? pause, CancellationToken ct)
    {
        if (pause is not null && string.IsNullOrWhiteSpace(pause.By))
        {
            throw new LedgerException($"The pause of campaign '{id}' names nobody who paused it.");
        }

        var rows = await c.ExecuteAsync(
            tx,
            "UPDATE campaigns SET paused_at = $at, paused_by = $by, pause_reason = $reason WHERE id = $id",
            ct,
            ("$id", id.Value),
            ("$at", pause is null ? null : LedgerValues.FormatTime(pause.At)),
            ("$by", pause?.By),
            ("$reason", pause?.Reason)).ConfigureAwait(false);
        if (rows == 0)
        {
            throw new LedgerException($"Unknown campaign '{id}'.");
        }
    }

    public static async Task AddExperimentAsync(SqliteConnection c, SqliteTransaction tx, ExperimentRecord e, CancellationToken ct)
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

        if (!await c.ExistsAsync(tx, "SELECT 1 FROM campaigns WHERE id = $id", ct, ("$id", e.CampaignId.Value)).ConfigureAwait(false))
        {
            throw new LedgerException($"Experiment '{e.Id}' names unknown campaign '{e.CampaignId}'.");
        }

        if (await c.ExistsAsync(tx, "SELECT 1 FROM experiments WHERE id = $id", ct, ("$id", e.Id.Value)).ConfigureAwait(false))
        {
            throw new LedgerException($"Experiment '{e.Id}' already exists.");
        }

        if (await c.ExistsAsync(tx, "SELECT 1 FROM experiments WHERE campaign_id = $c AND sequence = $s", ct, ("$c", e.CampaignId.Value), ("$s", e.Sequence)).ConfigureAwait(false))
        {
            throw new LedgerException($"Campaign '{e.CampaignId}' already has an experiment with sequence {e.Sequence}.");
        }

        await c.ExecuteAsync(
            tx,
            "INSERT INTO experiments (id, campaign_id, sequence, parameters, status, state, proposal, proposed_at, updated_at, measurements, objective, failure_reason, outputs, objectives) " +
            "VALUES ($id, $campaign, $sequence, $parameters, $status, $state, $proposal, $proposed, $updated, $measurements, $objective, $failure, $outputs, $objectives)",
            ct,
            ("$id", e.Id.Value),
            ("$campaign", e.CampaignId.Value),
            ("$sequence", e.Sequence),
            ("$parameters", LedgerValues.ToJson(e.Parameters)),
            ("$status", LedgerValues.ToText(e.Status)),
            ("$state", e.State),
            ("$proposal", e.Proposal),
            ("$proposed", LedgerValues.FormatTime(e.ProposedAt)),
            ("$updated", LedgerValues.FormatTime(e.UpdatedAt)),
            ("$measurements", e.Measurements is null ? null : LedgerValues.ToJson(e.Measurements)),
            ("$objective", e.Objective),
            ("$failure", e.FailureReason),
            ("$outputs", e.Outputs is null ? null : LedgerValues.OutputsToJson(e.Outputs)),
            ("$objectives", e.Objectives is null ? null : LedgerValues.ObjectivesToJson(e.Objectives))).ConfigureAwait(false);

        await InsertTransitionAsync(c, tx, new StateTransitionRecord(e.Id, NoState, e.State, ProposedTrigger, e.ProposedAt), ct).ConfigureAwait(false);
    }

    public static async Task RecordTransitionAsync(SqliteConnection c, SqliteTransaction tx, StateTransitionRecord t, ExperimentStatus status, CancellationToken ct)
    {
        var current = await c.QueryAsync(
            tx,
            "SELECT status, state FROM experiments WHERE id = $id",
            r => (Status: LedgerValues.ParseEnum<ExperimentStatus>(r.GetString(0)), State: r.GetString(1)),
            ct,
            ("$id", t.ExperimentId.Value)).ConfigureAwait(false);
        if (current.Count == 0)
        {
            throw new LedgerException($"Unknown experiment '{t.ExperimentId}'.");
        }

        LedgerTransitionRules.Check(t, current[0].Status, current[0].State);

        var finishedBadly = status is ExperimentStatus.Failed or ExperimentStatus.Aborted;
        await c.ExecuteAsync(
            tx,
            "UPDATE experiments SET status = $status, state = $state, updated_at = $at, " +
            "failure_reason = CASE WHEN $failed THEN $detail ELSE failure_reason END WHERE id = $id",
            ct,
            ("$id", t.ExperimentId.Value),
            ("$status", LedgerValues.ToText(status)),
            ("$state", t.To),
            ("$at", LedgerValues.FormatTime(t.At)),
            ("$failed", finishedBadly),
            ("$detail", t.Detail)).ConfigureAwait(false);
        await InsertTransitionAsync(c, tx, t, ct).ConfigureAwait(false);
    }

    public static async Task RecordResultAsync(SqliteConnection c, SqliteTransaction tx, ExperimentId id, ExperimentResult result, DateTimeOffset at, CancellationToken ct)
    {
        CheckObjectives(id, result.Objectives);
        var rows = await c.ExecuteAsync(
            tx,
            "UPDATE experiments SET measurements = $m, outputs = $outputs, objective = $o, objectives = $objectives, updated_at = $at WHERE id = $id",
            ct,
            ("$id", id.Value),
            ("$m", LedgerValues.ToJson(result.Measurements)),
            ("$outputs", LedgerValues.OutputsToJson(result.Outputs)),
            ("$o", result.Objectives.Count == 0 ? null : result.Objectives[0].Value),
            ("$objectives", result.Objectives.Count == 0 ? null : LedgerValues.ObjectivesToJson(result.Objectives)),
            ("$at", LedgerValues.FormatTime(at))).ConfigureAwait(false);
        if (rows == 0)
        {
            throw new LedgerException($"Unknown experiment '{id}'.");
        }
    }

    public static async Task RecordCommandAsync(SqliteConnection c, SqliteTransaction tx, CommandRecord command, CancellationToken ct)
    {
        if (!await c.ExistsAsync(tx, "SELECT 1 FROM experiments WHERE id = $id", ct, ("$id", command.ExperimentId.Value)).ConfigureAwait(false))
        {
            throw new LedgerException($"Command '{command.Id}' names unknown experiment '{command.ExperimentId}'.");
        }

        if (await c.ExistsAsync(tx, "SELECT 1 FROM commands WHERE id = $id", ct, ("$id", command.Id.Value)).ConfigureAwait(false))
        {
            throw new LedgerException($"Command '{command.Id}' already exists.");
        }

        await c.ExecuteAsync(
            tx,
            "INSERT INTO commands (id, experiment_id, instrument, step, action, parameters, sent_at, sent_at_ticks, deadline, site) " +
            "VALUES ($id, $experiment, $instrument, $step, $action, $parameters, $sent, $ticks, $deadline, $site)",
            ct,
            ("$id", command.Id.Value),
            ("$experiment", command.ExperimentId.Value),
            ("$instrument", command.Instrument.Value),
            ("$step", command.Step),
            ("$action", command.Action),
            ("$parameters", LedgerValues.ToJson(command.Parameters)),
            ("$sent", LedgerValues.FormatTime(command.SentAt)),
            ("$ticks", command.SentAt.UtcTicks),
            ("$deadline", LedgerValues.FormatTime(command.Deadline)),
            ("$site", command.Site?.Value)).ConfigureAwait(false);
    }

    public static async Task RecordEventAsync(SqliteConnection c, SqliteTransaction tx, InstrumentEventRecord e, CancellationToken ct)
    {
        if (!await c.ExistsAsync(tx, "SELECT 1 FROM commands WHERE id = $id", ct, ("$id", e.CommandId.Value)).ConfigureAwait(false))
        {
            throw new LedgerException($"Event '{e.Kind}' names unknown command '{e.CommandId}'.");
        }

        await c.ExecuteAsync(
            tx,
            "INSERT INTO events (command_id, instrument, kind, at, at_ticks, payload) VALUES ($command, $instrument, $kind, $at, $ticks, $payload)",
            ct,
            ("$command", e.CommandId.Value),
            ("$instrument", e.Instrument.Value),
            ("$kind", e.Kind),
            ("$at", LedgerValues.FormatTime(e.At)),
            ("$ticks", e.At.UtcTicks),
            ("$payload", e.Payload)).ConfigureAwait(false);
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

    private static async Task InsertTransitionAsync(SqliteConnection c, SqliteTransaction tx, StateTransitionRecord t, CancellationToken ct) =>
        await c.ExecuteAsync(
            tx,
            "INSERT INTO transitions (experiment_id, from_state, to_state, trigger, at, at_ticks, detail) VALUES ($id, $from, $to, $trigger, $at, $ticks, $detail)",
            ct,
            ("$id", t.ExperimentId.Value),
            ("$from", t.From),
            ("$to", t.To),
            ("$trigger", t.Trigger),
            ("$at", LedgerValues.FormatTime(t.At)),
            ("$ticks", t.At.UtcTicks),
            ("$detail", t.Detail)).ConfigureAwait(false);
}
