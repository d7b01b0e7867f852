using System.Diagnostics;
using Microsoft.Extensions.Logging;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Diagnostics;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Core.Text;
using SelfDrivingLab.Core.Time;
using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Workflow.Instruments;

namespace SelfDrivingLab.Workflow.Experiments;

/// <summary>
/// Runs one experiment through its workflow: every transition, command and event is written to the
/// ledger before the runner acts on it. Thread-safe: each call owns its own state machine.
/// </summary>
public sealed partial class ExperimentRunner
{
    /// <summary>Error code of an instrument refusing a command because all its channels are in use.</summary>
    public const string BusyError = "busy";

    /// <summary>How many times a step is sent when the instrument answers busy.</summary>
    public const int MaxBusyAttempts = DerivedIds.MaxBusyAttempts;

    /// <summary>First pause after a busy answer; it doubles each time.</summary>
    public static readonly TimeSpan BusyBackoff = TimeSpan.FromSeconds(30);

    /// <summary>Default of <see cref="AbortConfirmationWait"/>.</summary>
    public static readonly TimeSpan DefaultAbortConfirmationWait = TimeSpan.FromMinutes(5);

    private readonly ILedger _ledger;
    private readonly IInstrumentGateway _gateway;
    private readonly TimeProvider _time;
    private readonly IWorkTracker _work;
    private readonly ILogger<ExperimentRunner> _logger;
    private readonly IExperimentGate _gate;
    private readonly DeferredExperimentWrites _deferred;

    /// <summary>
    /// Creates the runner; <paramref name="work"/> is held while the runner is active (not waiting on an
    /// instrument, a timer or the gate). <paramref name="gate"/> decides approval and pauses (default
    /// <see cref="OpenExperimentGate.Instance"/>: nothing needs approval, nothing pauses).
    /// </summary>
    public ExperimentRunner(ILedger ledger, IInstrumentGateway gateway, TimeProvider time, IWorkTracker work, ILogger<ExperimentRunner> logger, IExperimentGate? gate = null)
    {
        _ledger = ledger;
        _gateway = gateway;
        _time = time;
        _work = work;
        _logger = logger;
        _gate = gate ?? OpenExperimentGate.Instance;
        _deferred = new DeferredExperimentWrites(ledger);
    }

    /// <summary>
    /// How long, after a step's command missed its deadline and was told to abort, the runner waits for the instrument
    /// to answer the abort (<c>aborted</c>, its final event, or <c>unknown</c>) before the step may be sent again
    /// (default <see cref="DefaultAbortConfirmationWait"/>, on the injected clock). Without an answer a <c>retry</c> is not
    /// sent: the old command may still be running.
    /// </summary>
    public TimeSpan AbortConfirmationWait { get; init; } = DefaultAbortConfirmationWait;

    /// <summary>Default of <see cref="EventWriteBehind"/>.</summary>
    public static readonly TimeSpan DefaultEventWriteBehind = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How much older than a command's newest event its oldest unstored event nothing acts on (<c>accepted</c>,
    /// <c>progress</c>) may be before they are stored together (default <see cref="DefaultEventWriteBehind"/>; zero stores
    /// every event at once). Such events otherwise wait for the command's next durable write: its final event, a timeout,
    /// an abort. Final events are always stored before the runner acts on them. See <c>CommandEventBuffer</c>.
    /// </summary>
    public TimeSpan EventWriteBehind { get; init; } = DefaultEventWriteBehind;

    /// <summary>
    /// Runs <paramref name="experiment"/> (already stored as Proposed) to a terminal state.
    /// Cancellation aborts it (recorded). A missing instrument is recorded as the failure and rethrown
    /// as <see cref="NoInstrumentAvailableException"/> so the campaign can stop.
    /// <paramref name="queued"/> is called once the experiment has asked for its first instrument
    /// (requests are served in order, so starting experiments one after another makes runs reproducible).
    /// </summary>
    public Task<ExperimentOutcome> RunAsync(ExperimentRecord experiment, CampaignDefinition campaign, Action? queued = null, CancellationToken cancellationToken = default) =>
        // The hold outlives the run until whoever awaits the outcome has resumed (and taken its own hold).
        WorkHold.RunAsync(_work, hold => RunHeldAsync(experiment, campaign, hold, queued, cancellationToken));

    private async Task<ExperimentOutcome> RunHeldAsync(ExperimentRecord experiment, CampaignDefinition campaign, WorkHold hold, Action? queued, CancellationToken cancellationToken)
    {
        var machine = new ExperimentStateMachine(
            campaign.Steps,
            experiment.State,
            t => RecordTransitionAsync(experiment.Id, t),
            _gate.RequiresApproval(campaign));
        var outputs = new Dictionary<string, ParameterSet>(StringComparer.Ordinal);
        var skipped = new List<string>();
        try
        {
            var first = 0;
            var resumedInStep = machine.State is not (ExperimentStates.Proposed or ExperimentStates.AwaitingApproval);
            if (machine.State == ExperimentStates.Proposed)
            {
                await machine.FireAsync(ExperimentTrigger.Start).ConfigureAwait(false);
            }

            if (machine.State == ExperimentStates.AwaitingApproval)
            {
                // Let the campaign go on proposing while this one waits for a person.
                queued?.Invoke();
                queued = null;
                if (await AwaitApprovalAsync(machine, experiment, campaign, hold, cancellationToken).ConfigureAwait(false) is { } rejected)
                {
                    return Outcome(experiment, ExperimentStatus.Aborted, null, null, rejected);
                }
            }
            else if (resumedInStep)
            {
                // Resuming after a restart: earlier steps' results come from the ledger.
                first = StepIndex(campaign, machine.State);
                await LoadEarlierOutputsAsync(experiment, campaign.Steps.Take(first), outputs).ConfigureAwait(false);
            }

            // A step that names no site runs where the sample is (after a transfer or a step that named one).
            var steps = SampleSites.Resolve(campaign.Steps);
            for (var index = first; index < steps.Count; index++)
            {
                var step = steps[index];
                var isLast = index == steps.Count - 1;
                if (step.Transfer is { } transfer)
                {
                    // Validation keeps a transfer from being the last step (the last one measures).
                    var resumedHere = resumedInStep && index == first && experiment.State == step.Name;
                    queued?.Invoke();
                    queued = null;
                    Log.SampleShipped(_logger, experiment.Id.Value, step.Name, transfer.To.Value, transfer.Duration);
                    var arrived = await SampleTransferStep.RunAsync(_ledger, _time, experiment.Id, step, transfer, resumedHere, hold, cancellationToken).ConfigureAwait(false);
                    await machine.FireAsync(ExperimentTrigger.StepSucceeded, arrived).ConfigureAwait(false);
                    continue;
                }

                if (step.SkipIf is { } condition && condition.Matches(outputs))
                {
                    var why = $"step '{step.Name}' was skipped because {condition}";
                    skipped.Add(why);
                    Log.StepSkipped(_logger, experiment.Id.Value, step.Name, LogText.Escape(condition.ToString()));
                    if (isLast)
                    {
                        return await FinishAsync(machine, experiment, campaign, outputs, skipped, ExperimentTrigger.Skip).ConfigureAwait(false);
                    }

                    await machine.FireAsync(ExperimentTrigger.Skip, why).ConfigureAwait(false);
                    continue;
                }

                var reconcile = resumedInStep && index == first && experiment.State == step.Name;
                var result = await RunStepWithinLimitsAsync(experiment, campaign, step, index, reconcile, outputs, hold, queued, cancellationToken).ConfigureAwait(false);
                queued = null;
                if (result.Status != StepCommandStatus.Completed)
                {
                    var reason = DescribeFailure(step, result);
                    var kept = await KeepOutputsAsync(experiment, campaign, outputs).ConfigureAwait(false);
                    await machine.FireAsync(ExperimentTrigger.StepFailed, reason).ConfigureAwait(false);
                    var failed = Outcome(experiment, ExperimentStatus.Failed, MeasuredOrNull(kept), null, reason) with { Outputs = kept };
                    return step.OnFailure == StepFailurePolicy.PauseCampaign
                        ? failed with { PauseCampaign = true, PauseReason = $"step '{step.Name}' failed with on_failure: pause_campaign ({reason})" }
                        : failed;
                }

                outputs[step.Name] = result.Results ?? ParameterSet.Empty;
                if (isLast)
                {
                    return await FinishAsync(machine, experiment, campaign, outputs, skipped, ExperimentTrigger.StepSucceeded).ConfigureAwait(false);
                }

                await machine.FireAsync(ExperimentTrigger.StepSucceeded).ConfigureAwait(false);
            }

            throw new InvalidOperationException("A workflow ended without reaching a terminal state.");
        }
        catch (NoInstrumentAvailableException ex)
        {
            await machine.FireAsync(ExperimentTrigger.StepFailed, ex.Message).ConfigureAwait(false);
            throw;
        }
        catch (StepBindingException ex)
        {
            // A binding could not be resolved: the experiment fails, the campaign goes on.
            var reason = skipped.Count == 0 ? ex.Message : $"{ex.Message} ({string.Join("; ", skipped)})";
            var kept = await KeepOutputsAsync(experiment, campaign, outputs).ConfigureAwait(false);
            await machine.FireAsync(ExperimentTrigger.StepFailed, reason).ConfigureAwait(false);
            return Outcome(experiment, ExperimentStatus.Failed, MeasuredOrNull(kept), null, reason) with { Outputs = kept };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && _gate.IsInterrupted(experiment.CampaignId))
        {
            // The host stopped: the experiment stays where the ledger has it, and the next run continues it from there.
            Log.ExperimentInterrupted(_logger, experiment.Id.Value, machine.State);
            return Outcome(experiment, ExperimentStatus.Running, null, null, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && machine.CanFire(ExperimentTrigger.Abort))
        {
            const string reason = "campaign stopped while the experiment was running";
            var kept = await KeepOutputsAsync(experiment, campaign, outputs).ConfigureAwait(false);
            await machine.FireAsync(ExperimentTrigger.Abort, reason).ConfigureAwait(false);
            return Outcome(experiment, ExperimentStatus.Aborted, MeasuredOrNull(kept), null, reason) with { Outputs = kept };
        }
        finally
        {
            // Writes still held were acted on by nothing (e.g. the host stopped while the next step waited for its instrument).
            _deferred.Discard(experiment.Id);
        }
    }

    private static string DescribeFailure(WorkflowStepDefinition step, StepCommandResult result) =>
        result.Status switch
        {
            StepCommandStatus.TimedOut => $"step '{step.Name}' missed its deadline of {step.Deadline}",
            _ => $"step '{step.Name}' {result.Status.ToString().ToLowerInvariant()}: {result.Error}{(result.Message is null ? string.Empty : " - " + result.Message)}",
        };

    /// <summary>Sends one step command, again under a new id (suffix <c>-rN</c>) while the instrument answers busy.</summary>
    private async Task<StepAttempt> SendWithBusyRetryAsync(
        ExperimentRecord experiment,
        WorkflowStepDefinition step,
        ParameterSet parameters,
        string baseId,
        Func<CancellationToken, ValueTask<InstrumentLease>> acquire,
        WorkHold hold,
        Action? queued,
        CancellationToken cancellationToken,
        int firstAttempt = 1)
    {
        for (var attempt = firstAttempt; ; attempt++)
        {
            var commandId = new CommandId(DerivedIds.Busy(baseId, attempt));
            var sent = await SendStepCommandAsync(experiment, step, parameters, commandId, acquire, hold, queued, cancellationToken).ConfigureAwait(false);
            queued = null;

            // "busy" is the one refusal that says nothing about the experiment: the instrument ran
            // nothing (e.g. it was still winding down an aborted command). Sending again under a
            // new command id after a pause is safe; anything else is final.
            if (sent.Result is not { Status: StepCommandStatus.Rejected, Error: BusyError } || attempt >= MaxBusyAttempts)
            {
                return sent;
            }

            var pause = TimeSpan.FromTicks(BusyBackoff.Ticks << (attempt - 1));
            Log.InstrumentBusy(_logger, commandId.Value, pause);
            await hold.WaitAsync(Task.Delay(pause, _time, cancellationToken)).ConfigureAwait(false);
        }
    }

    private async Task<StepAttempt> SendStepCommandAsync(
        ExperimentRecord experiment,
        WorkflowStepDefinition step,
        ParameterSet parameters,
        CommandId commandId,
        Func<CancellationToken, ValueTask<InstrumentLease>> acquire,
        WorkHold hold,
        Action? queued,
        CancellationToken cancellationToken)
    {
        using var activity = SdlTelemetry.Tracing.StartActivity("sdl.command");
        activity?.SetTag("sdl.step", step.Name).SetTag("sdl.capability", step.Capability).SetTag("sdl.command_id", commandId.Value);
        using var lease = await LeaseWhenDispatchAllowedAsync(experiment.CampaignId, acquire, hold, queued, cancellationToken).ConfigureAwait(false);
        activity?.SetTag("sdl.instrument", lease.Instrument.Value);
        var now = _time.GetUtcNow();
        var command = new InstrumentCommand(
            CommandType.Execute, commandId, step.Capability, parameters, now, now + step.Deadline, experiment.Id, experiment.CampaignId);
        // One commit: the command with the transition into its step, if that is still held (nothing acted on it before).
        await _deferred.WriteAsync(
            experiment.Id,
            new LedgerCommandWrite(new CommandRecord(commandId, experiment.Id, lease.Instrument, step.Name, step.Capability, parameters, now, now + step.Deadline) { Site = lease.Site }),
            CancellationToken.None).ConfigureAwait(false);
        Log.CommandSent(_logger, commandId.Value, lease.Instrument.Value, step.Name);

        var result = await ExecuteOrAbortAsync(lease, command, hold, cancellationToken).ConfigureAwait(false);
        activity?.SetTag("sdl.outcome", result.Status.ToString());
        if (result.Status != StepCommandStatus.Completed)
        {
            activity?.SetStatus(ActivityStatusCode.Error, result.Error);
        }

        var abortConfirmed = result.Status != StepCommandStatus.TimedOut
            || await RecordTimeoutAsync(lease, commandId, step.Deadline, hold, cancellationToken).ConfigureAwait(false);
        return new StepAttempt(commandId, lease.Site, lease.Instrument, lease.Idempotent, result, abortConfirmed);
    }

    /// <summary>
    /// Waits until the campaign may dispatch, then leases an instrument. A paused (or stopping) campaign sends nothing new:
    /// waiting happens before leasing, so it holds no instrument, and a campaign paused or stopped while the experiment
    /// waited for its instrument gives the instrument back and waits again. A lease handed in already made
    /// (<c>retry_elsewhere</c>) cannot be given back; it is kept while waiting.
    /// </summary>
    private async Task<InstrumentLease> LeaseWhenDispatchAllowedAsync(
        CampaignId campaign, Func<CancellationToken, ValueTask<InstrumentLease>> acquire, WorkHold hold, Action? queued, CancellationToken cancellationToken)
    {
        while (true)
        {
            var dispatch = _gate.WaitUntilDispatchAllowedAsync(campaign, cancellationToken);
            if (!dispatch.IsCompletedSuccessfully)
            {
                await hold.WaitAsync(dispatch.AsTask()).ConfigureAwait(false);
            }

            var acquiring = acquire(cancellationToken);
            var preLeased = acquiring.IsCompletedSuccessfully;
            queued?.Invoke();
            queued = null;
            var lease = await hold.WaitAsync(acquiring.AsTask()).ConfigureAwait(false);
            if (preLeased || _gate.IsDispatchAllowed(campaign))
            {
                return lease;
            }

            lease.Dispose();
        }
    }

    /// <summary>
    /// Runs the command (or, with <paramref name="reconcile"/>, reattaches to one sent before a restart); if the experiment
    /// is cancelled meanwhile, the instrument is told to abort (recorded) before the cancellation goes on.
    /// </summary>
    private async Task<StepCommandResult> ExecuteOrAbortAsync(InstrumentLease lease, InstrumentCommand command, WorkHold hold, CancellationToken cancellationToken, bool reconcile = false)
    {
        var events = new CommandEventBuffer(_ledger, EventWriteBehind);
        try
        {
            ValueTask OnEvent(InstrumentEvent e, CancellationToken ct) => events.RecordAsync(EventRecord(command.CommandId, e), ct);
            var running = reconcile ? _gateway.ReconcileAsync(lease, command, OnEvent, cancellationToken) : _gateway.ExecuteAsync(lease, command, OnEvent, cancellationToken);
            var result = await hold.WaitAsync(running).ConfigureAwait(false);

            // Without a final event (a missed deadline) the queued ones are stored before the runner records what it does next.
            await events.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !IsInterrupted(command))
        {
            await events.WriteAsync(
                new LedgerEventWrite(new InstrumentEventRecord(command.CommandId, lease.Instrument, AbortEvent, _time.GetUtcNow(), "the experiment was cancelled while the command was in flight; abort sent")),
                CancellationToken.None).ConfigureAwait(false);
            Log.CommandAborted(_logger, command.CommandId.Value, lease.Instrument.Value);

            // The caller's token is already cancelled; the abort itself must still go out.
            await _gateway.AbortAsync(lease, command.CommandId, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        catch (Exception ex) when (ex is OperationCanceledException or NoInstrumentAvailableException)
        {
            // Interrupted by the host (or the instrument went away): what the instrument reported is stored if it can be;
            // nothing acted on it, so a failure here is only logged and the original exception goes on.
            await FlushQuietlyAsync(events, command.CommandId).ConfigureAwait(false);
            throw;
        }
    }

    // Interrupted by the host: the command is left to its instrument (not aborted) and reconciled by its id on the next run.
    private bool IsInterrupted(InstrumentCommand command) => command.CampaignId is { } campaign && _gate.IsInterrupted(campaign);

    private async Task FlushQuietlyAsync(CommandEventBuffer events, CommandId commandId)
    {
        try
        {
            await events.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is LedgerException or ObjectDisposedException)
        {
            Log.EventFlushFailed(_logger, commandId.Value, ex.Message);
        }
    }

    private InstrumentEventRecord EventRecord(CommandId commandId, InstrumentEvent e) =>
        new(commandId, e.Instrument, e.Kind.ToString().ToLowerInvariant(), _time.GetUtcNow(), ProtocolJsonText(e));

    /// <summary>Records the timeout and tells the instrument to abort; true once it answered the abort (the lease is held meanwhile).</summary>
    private async Task<bool> RecordTimeoutAsync(InstrumentLease lease, CommandId commandId, TimeSpan deadline, WorkHold hold, CancellationToken cancellationToken)
    {
        await _ledger.RecordEventAsync(
            new InstrumentEventRecord(commandId, lease.Instrument, "timeout", _time.GetUtcNow(), $"no final event within {deadline}"),
            CancellationToken.None).ConfigureAwait(false);
        Log.StepTimedOut(_logger, commandId.Value, lease.Instrument.Value, deadline);

        // The instrument may still be working; tell it to stop so the sample is not used later, and wait
        // (bounded) until it says it stopped: nothing of this step is sent again before that.
        var confirmed = await hold.WaitAsync(_gateway.AbortAndConfirmAsync(lease, commandId, AbortConfirmationWait, cancellationToken)).ConfigureAwait(false);
        if (!confirmed)
        {
            await _ledger.RecordEventAsync(
                new InstrumentEventRecord(commandId, lease.Instrument, AbortUnconfirmedEvent, _time.GetUtcNow(), $"the abort was not answered within {AbortConfirmationWait}; the command may still be running"),
                CancellationToken.None).ConfigureAwait(false);
            Log.AbortUnconfirmed(_logger, commandId.Value, lease.Instrument.Value, AbortConfirmationWait);
        }

        return confirmed;
    }

    private static string ProtocolJsonText(InstrumentEvent e) => System.Text.Encoding.UTF8.GetString(ProtocolJson.Serialize(e));

    /// <summary>
    /// Stores a transition with whatever the experiment holds back. The transition into a step (from the one before, or
    /// from Proposed) is itself held: nothing acts on it but the step's command, which is stored with it in one commit.
    /// Any other (approval, failure, abort, completion) is stored before the machine moves on.
    /// </summary>
    private Task RecordTransitionAsync(ExperimentId id, ExperimentTransition t)
    {
        var status = t.To switch
        {
            ExperimentStates.Completed => ExperimentStatus.Completed,
            ExperimentStates.Failed => ExperimentStatus.Failed,
            ExperimentStates.Aborted => ExperimentStatus.Aborted,
            ExperimentStates.Proposed => ExperimentStatus.Proposed,
            _ => ExperimentStatus.Running,
        };
        var write = new LedgerTransitionWrite(new StateTransitionRecord(id, t.From, t.To, t.Trigger.ToString(), _time.GetUtcNow(), t.Detail), status);
        if ((t.Trigger is ExperimentTrigger.Start or ExperimentTrigger.StepSucceeded or ExperimentTrigger.Skip) && status == ExperimentStatus.Running && t.To != ExperimentStates.AwaitingApproval)
        {
            _deferred.Defer(id, write);
            return Task.CompletedTask;
        }

        return _deferred.WriteAsync(id, write, CancellationToken.None).AsTask();
    }

    private static ParameterSet? MeasuredOrNull(IReadOnlyList<StepOutputs> outputs) => outputs.Count == 0 ? null : ExperimentResult.Merge(outputs);

    private ExperimentOutcome Outcome(ExperimentRecord e, ExperimentStatus status, ParameterSet? measured, double? objective, string? reason) =>
        new(e.Id, e.Sequence, status, e.Parameters, measured, objective, reason, _time.GetUtcNow());
}
