using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Core.Time;
using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Protocol.Topics;
using SelfDrivingLab.Workflow.Instruments;

namespace SelfDrivingLab.Workflow.Experiments;

/// <summary>Continuing an experiment that was running when the orchestrator stopped, from what the ledger holds.</summary>
public sealed partial class ExperimentRunner
{
    /// <summary>Kind of the ledger event recorded when a command is sent again to reconcile it after a restart.</summary>
    public const string ReconcileEvent = "reconcile";

    private static readonly string[] FinalKinds = ["completed", "failed", "rejected", "aborted", "timeout"];

    private static int StepIndex(CampaignDefinition campaign, string state)
    {
        for (var i = 0; i < campaign.Steps.Count; i++)
        {
            if (campaign.Steps[i].Name == state)
            {
                return i;
            }
        }

        throw new LedgerException($"the ledger has the experiment in state '{state}', which is not a step of campaign '{campaign.Name}'");
    }

    private async Task LoadEarlierOutputsAsync(ExperimentRecord experiment, IEnumerable<WorkflowStepDefinition> steps, Dictionary<string, ParameterSet> outputs)
    {
        var commands = await _ledger.GetCommandsAsync(experiment.Id, CancellationToken.None).ConfigureAwait(false);
        foreach (var step in steps.Where(s => s.Transfer is null))
        {
            var last = commands.LastOrDefault(c => c.Step == step.Name);
            if (last is null && step.SkipIf is not null)
            {
                continue; // skipped: it reported nothing
            }

            if (last is null)
            {
                throw new LedgerException($"experiment {experiment.Id} passed step '{step.Name}' but the ledger has no command for it");
            }
            var final = await FinalEventAsync(last).ConfigureAwait(false);
            outputs[step.Name] = final?.Status == StepCommandStatus.Completed
                ? final.Results ?? ParameterSet.Empty
                : throw new LedgerException($"experiment {experiment.Id} passed step '{step.Name}' but its command {last.Id} did not complete");
        }
    }

    /// <summary>
    /// The step was running when the orchestrator stopped. If the ledger already holds the final
    /// event, use it; otherwise send the same command id again to the same instrument: an instrument
    /// never executes a command id twice, so it either runs a command it never received or repeats
    /// its latest event (and its final event when it finishes). The instrument is looked for at the site the ledger recorded
    /// with the command (schema 6), so a command sent to another site is reconciled there even when the step names no site.
    /// </summary>
    private async Task<StepCommandResult> ReconcileStepAsync(
        ExperimentRecord experiment,
        CampaignDefinition campaign,
        WorkflowStepDefinition step,
        int index,
        IReadOnlyDictionary<string, ParameterSet> outputs,
        WorkHold hold,
        Action? queued,
        CancellationToken cancellationToken)
    {
        var commands = await _ledger.GetCommandsAsync(experiment.Id, CancellationToken.None).ConfigureAwait(false);
        var last = commands.LastOrDefault(c => c.Step == step.Name);
        if (last is null)
        {
            return await RunStepWithPoliciesAsync(experiment, step, index, campaign.Priority, outputs, hold, queued, cancellationToken).ConfigureAwait(false);
        }

        // A "busy" refusal ran nothing: carry on with the busy retries the stop interrupted (under the
        // next attempt's new command id) instead of failing the experiment on a refusal that says nothing about it.
        var baseId = BusyRetrySuffix().Replace(last.Id.Value, string.Empty);
        var attempts = commands.Count(c => c.Id.Value == baseId || c.Id.Value.StartsWith(baseId + "-r", StringComparison.Ordinal));
        if (await FinalEventAsync(last).ConfigureAwait(false) is { } known)
        {
            if (IsBusyRetryLeft(known, attempts))
            {
                return await ContinueBusyRetriesAsync(experiment, step, campaign.Priority, last, baseId, attempts, hold, queued, cancellationToken).ConfigureAwait(false);
            }

            queued?.Invoke();
            return known;
        }

        var acquiring = _gateway.AcquireAsync(new InstrumentRequest(last.Action, last.Parameters) { Only = new InstrumentTopics(last.Site ?? step.Site ?? campaign.Site, last.Instrument) }, cancellationToken).AsTask();
        queued?.Invoke();
        using var lease = await hold.WaitAsync(acquiring).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var deadline = now + step.Deadline;
        await _ledger.RecordEventAsync(
            new InstrumentEventRecord(last.Id, last.Instrument, ReconcileEvent, now, $"reconciled after a restart (sent again, or its status asked when sending again could run it twice); waiting until {deadline:O}"),
            CancellationToken.None).ConfigureAwait(false);
        Log.CommandReconciled(_logger, last.Id.Value, last.Instrument.Value);
        var command = new InstrumentCommand(CommandType.Execute, last.Id, last.Action, last.Parameters, now, deadline, experiment.Id, experiment.CampaignId);
        var result = await ExecuteOrAbortAsync(lease, command, hold, cancellationToken, reconcile: true).ConfigureAwait(false);
        if (result.Status == StepCommandStatus.TimedOut)
        {
            await RecordTimeoutAsync(lease, last.Id, step.Deadline, hold, cancellationToken).ConfigureAwait(false);
        }

        if (IsBusyRetryLeft(result, attempts))
        {
            lease.Dispose();
            return await ContinueBusyRetriesAsync(experiment, step, campaign.Priority, last, baseId, attempts, hold, queued: null, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>Sends the step again under the next busy attempt's id (<c>{base}-r{n}</c>), as the interrupted run would have.</summary>
    private async Task<StepCommandResult> ContinueBusyRetriesAsync(
        ExperimentRecord experiment,
        WorkflowStepDefinition step,
        int priority,
        CommandRecord last,
        string baseId,
        int attempts,
        WorkHold hold,
        Action? queued,
        CancellationToken cancellationToken)
    {
        var attempt = await SendWithBusyRetryAsync(
            experiment, step, last.Parameters, baseId, ct => _gateway.AcquireAsync(new InstrumentRequest(step.Capability, last.Parameters) { Priority = priority, Site = step.Site }, ct), hold, queued, cancellationToken, attempts + 1).ConfigureAwait(false);
        return attempt.Result;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"-r\d+$")]
    private static partial System.Text.RegularExpressions.Regex BusyRetrySuffix();

    private static bool IsBusyRetryLeft(StepCommandResult result, int attempts) =>
        result is { Status: StepCommandStatus.Rejected, Error: BusyError } && attempts < MaxBusyAttempts;

    private async Task<StepCommandResult?> FinalEventAsync(CommandRecord command)
    {
        var events = await _ledger.GetEventsAsync(command.Id, CancellationToken.None).ConfigureAwait(false);
        var final = events.LastOrDefault(e => FinalKinds.Contains(e.Kind));
        if (final is null)
        {
            return null;
        }

        if (final.Kind == "timeout")
        {
            return new StepCommandResult(StepCommandStatus.TimedOut, null);
        }

        if (!ProtocolReader.TryReadEvent(System.Text.Encoding.UTF8.GetBytes(final.Payload), out var e, out var error) || e is null)
        {
            throw new LedgerException($"the ledger's {final.Kind} event for command {command.Id} cannot be read: {error}");
        }

        var status = e.Kind switch
        {
            InstrumentEventKind.Completed => StepCommandStatus.Completed,
            InstrumentEventKind.Failed => StepCommandStatus.Failed,
            InstrumentEventKind.Rejected => StepCommandStatus.Rejected,
            _ => StepCommandStatus.Aborted,
        };
        return new StepCommandResult(status, e.Results, e.Error, e.Message);
    }
}
