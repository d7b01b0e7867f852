using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Core.Text;
using SelfDrivingLab.Core.Time;
using SelfDrivingLab.Protocol.Topics;
using SelfDrivingLab.Workflow.Instruments;

namespace SelfDrivingLab.Workflow.Experiments;

/// <summary>A step's policies: approval before it starts, retry on idempotent instruments, and on_failure.</summary>
public sealed partial class ExperimentRunner
{
    /// <summary>Kind of the ledger event recorded when a failed or timed-out command is about to be sent again.</summary>
    public const string RetryEvent = "retry";

    /// <summary>Kind of the ledger event recorded when a step's retry is refused because the instrument did not declare the action idempotent.</summary>
    public const string RetryRefusedEvent = "retry-refused";

    /// <summary>Kind of the ledger event recorded when a step is sent to another instrument (<c>on_failure: retry_elsewhere</c>).</summary>
    public const string RetryElsewhereEvent = "retry-elsewhere";

    /// <summary>Kind of the ledger event recorded when the orchestrator aborts an in-flight command because the experiment was cancelled.</summary>
    public const string AbortEvent = "abort";

    /// <summary>Kind of the ledger event recorded when a timed-out command's abort was not answered within <see cref="AbortConfirmationWait"/>.</summary>
    public const string AbortUnconfirmedEvent = "abort-unconfirmed";

    /// <summary>Waits (with no work hold) for the gate's decision; returns the rejection reason, or null once approved.</summary>
    private async Task<string?> AwaitApprovalAsync(
        ExperimentStateMachine machine, ExperimentRecord experiment, CampaignDefinition campaign, WorkHold hold, CancellationToken cancellationToken)
    {
        var decision = await hold.WaitAsync(_gate.WaitForApprovalAsync(experiment, campaign, cancellationToken).AsTask()).ConfigureAwait(false);
        var why = string.IsNullOrWhiteSpace(decision.Reason) ? "no reason given" : decision.Reason;
        if (!decision.Approved)
        {
            var reason = $"rejected by {decision.DecidedBy}: {why}";
            await machine.FireAsync(ExperimentTrigger.Reject, reason).ConfigureAwait(false);
            return reason;
        }

        await machine.FireAsync(ExperimentTrigger.Approve, $"approved by {decision.DecidedBy}: {why}").ConfigureAwait(false);
        return null;
    }

    /// <summary>
    /// Runs (or reconciles) a step. When every instrument offering its capability announces limits the command breaks,
    /// nothing is sent: the step ends rejected with <c>limit_violation</c> and the reason, and its on_failure applies.
    /// </summary>
    private async Task<StepCommandResult> RunStepWithinLimitsAsync(
        ExperimentRecord experiment,
        CampaignDefinition campaign,
        WorkflowStepDefinition step,
        int index,
        bool reconcile,
        IReadOnlyDictionary<string, ParameterSet> outputs,
        WorkHold hold,
        Action? queued,
        CancellationToken cancellationToken)
    {
        try
        {
            return reconcile
                ? await ReconcileStepAsync(experiment, campaign, step, index, outputs, hold, queued, cancellationToken).ConfigureAwait(false)
                : await RunStepWithPoliciesAsync(experiment, step, index, campaign.Priority, outputs, hold, queued, cancellationToken).ConfigureAwait(false);
        }
        catch (InstrumentLimitsException ex)
        {
            queued?.Invoke();
            Log.CommandOutsideLimits(_logger, experiment.Id.Value, step.Name, LogText.Escape(ex.Message));
            return new StepCommandResult(StepCommandStatus.Rejected, null, InstrumentLimitsException.ErrorCode, ex.Message);
        }
    }

    /// <summary>
    /// Runs a step: the first command, then re-sends (<c>-aN</c>) after a failure or a missed deadline
    /// while the step's retry allows and the instrument declares the action idempotent, then its
    /// on_failure policy. Commands are strictly one after another: a timed-out one was told to abort
    /// before the next is sent.
    /// </summary>
    private async Task<StepCommandResult> RunStepWithPoliciesAsync(
        ExperimentRecord experiment,
        WorkflowStepDefinition step,
        int index,
        int priority,
        IReadOnlyDictionary<string, ParameterSet> outputs,
        WorkHold hold,
        Action? queued,
        CancellationToken cancellationToken)
    {
        var parameters = StepParameterResolver.Resolve(step, experiment.Parameters, outputs);
        var stepId = DerivedIds.Step(experiment.Id.Value, index);
        var sends = 1;
        ValueTask<InstrumentLease> AnyInstrument(CancellationToken ct) => _gateway.AcquireAsync(new InstrumentRequest(step.Capability, parameters) { Priority = priority, Site = step.Site }, ct);
        var attempt = await SendWithBusyRetryAsync(experiment, step, parameters, stepId, AnyInstrument, hold, queued, cancellationToken).ConfigureAwait(false);

        for (var retry = 1; IsRetryable(attempt.Result) && step.Retry is { } policy && retry <= policy.Attempts; retry++)
        {
            if (!attempt.Idempotent)
            {
                await RecordStepEventAsync(attempt, RetryRefusedEvent, $"step '{step.Name}' has retry, but instrument '{attempt.Instrument}' does not declare '{step.Capability}' idempotent; not sent again").ConfigureAwait(false);
                Log.RetryRefused(_logger, attempt.CommandId.Value, attempt.Instrument.Value, step.Capability);
                break;
            }

            if (!attempt.AbortConfirmed)
            {
                // Two commands of one step are never in flight: without the abort's answer the old one may still run.
                await RecordStepEventAsync(attempt, RetryRefusedEvent, $"step '{step.Name}' has retry, but instrument '{attempt.Instrument}' did not confirm the abort of {attempt.CommandId} within {AbortConfirmationWait}; not sent again").ConfigureAwait(false);
                break;
            }

            var pause = policy.PauseBefore(retry);
            var nextId = NextAttemptId(stepId, ++sends);
            await RecordStepEventAsync(attempt, RetryEvent, $"retry {retry} of {policy.Attempts}: sending again as {nextId} after {pause}").ConfigureAwait(false);
            Log.StepRetrying(_logger, attempt.CommandId.Value, nextId, pause);
            await hold.WaitAsync(Task.Delay(pause, _time, cancellationToken)).ConfigureAwait(false);
            attempt = await SendWithBusyRetryAsync(experiment, step, parameters, nextId, AnyInstrument, hold, null, cancellationToken).ConfigureAwait(false);
        }

        if (step.OnFailure != StepFailurePolicy.RetryElsewhere || attempt.Result.Status is StepCommandStatus.Completed or StepCommandStatus.Aborted)
        {
            return attempt.Result;
        }

        return await RetryElsewhereAsync(experiment, step, parameters, attempt, NextAttemptId(stepId, ++sends), hold, cancellationToken).ConfigureAwait(false);
    }

    private async Task<StepCommandResult> RetryElsewhereAsync(
        ExperimentRecord experiment,
        WorkflowStepDefinition step,
        ParameterSet parameters,
        StepAttempt failed,
        string nextId,
        WorkHold hold,
        CancellationToken cancellationToken)
    {
        try
        {
            // Leased before anything is recorded, so "no other instrument" is known first.
            var request = new InstrumentRequest(step.Capability, parameters) { Excluded = new InstrumentTopics(failed.Site, failed.Instrument), Site = step.Site };
            var lease = await hold.WaitAsync(_gateway.AcquireAsync(request, cancellationToken).AsTask()).ConfigureAwait(false);
            await RecordStepEventAsync(failed, RetryElsewhereEvent, $"step '{step.Name}' sent again as {nextId} to instrument '{lease.Instrument}'").ConfigureAwait(false);
            Log.StepRetryingElsewhere(_logger, failed.CommandId.Value, nextId, lease.Instrument.Value);
            var attempt = await SendStepCommandAsync(
                experiment, step, parameters, new CommandId(nextId), _ => ValueTask.FromResult(lease), hold, null, cancellationToken).ConfigureAwait(false);
            return attempt.Result;
        }
        catch (NoInstrumentAvailableException ex)
        {
            await RecordStepEventAsync(failed, RetryElsewhereEvent, $"not sent elsewhere: {ex.Message}").ConfigureAwait(false);
            return failed.Result with { Message = $"{failed.Result.Message ?? DescribeFailure(step, failed.Result)}; on_failure retry_elsewhere: {ex.Message}" };
        }
    }

    private static bool IsRetryable(StepCommandResult result) => result.Status is StepCommandStatus.Failed or StepCommandStatus.TimedOut;

    private static string NextAttemptId(string stepId, int send) => DerivedIds.Attempt(stepId, send);

    private ValueTask RecordStepEventAsync(StepAttempt attempt, string kind, string detail) =>
        _ledger.RecordEventAsync(new InstrumentEventRecord(attempt.CommandId, attempt.Instrument, kind, _time.GetUtcNow(), detail), CancellationToken.None);
}
