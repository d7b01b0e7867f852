using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Core.Text;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Instruments.Sdk;

/// <summary>The background half: one driver call per accepted command, then its final event.</summary>
internal sealed partial class CommandProcessor
{
    private async Task RunAsync(CommandRun run)
    {
        var command = run.Command;
        var startedAt = _time.GetUtcNow();
        var fault = run.Fault.Fault;
        InjectedFault? applied = null;
        InstrumentEvent final;
        try
        {
            if (fault is InjectedFault.Disconnect && await InjectDisconnectAsync(run).ConfigureAwait(false))
            {
                applied = InjectedFault.Disconnect;
            }

            ParameterSet results;
            if (fault is InjectedFault.Hang)
            {
                applied = InjectedFault.Hang;
                results = await HangAsync(run).ConfigureAwait(false);
            }
            else
            {
                var context = new InstrumentActionContext(
                    command.CommandId,
                    command.Action!,
                    command.Parameters!,
                    command.ExperimentId,
                    (fraction, ct) => ReportProgressAsync(run, fraction, ct));
                results = await _driver.ExecuteAsync(context, run.Token).ConfigureAwait(false);
            }

            final = NewEvent(InstrumentEventKind.Completed, command.CommandId) with { Results = results ?? ParameterSet.Empty };
            if (fault is InjectedFault.Fail)
            {
                // Only a completed action is turned into a failure, so the fault never hides a real one.
                Log.FaultInjected(_logger, _instrument, command.CommandId, nameof(InjectedFault.Fail));
                applied = InjectedFault.Fail;
                final = NewEvent(InstrumentEventKind.Failed, command.CommandId) with { Error = SimulatedFailure, Message = "failed by fault injection after the action ran" };
            }
        }
        catch (OperationCanceledException) when (run.AbortRequested)
        {
            final = NewEvent(InstrumentEventKind.Aborted, command.CommandId) with { Message = "aborted on request" };
        }
        catch (OperationCanceledException) when (run.Token.IsCancellationRequested)
        {
            // Stopped by the host shutting down, not by an abort: the protocol calls that interrupted.
            final = NewEvent(InstrumentEventKind.Failed, command.CommandId) with { Error = "interrupted", Message = "instrument stopped while running" };
        }
        catch (InstrumentActionException ex)
        {
            final = NewEvent(InstrumentEventKind.Failed, command.CommandId) with { Error = ex.Code, Message = ex.Message };
        }
#pragma warning disable CA1031 // A driver bug must become a failed event, never a silent stuck command.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.DriverError(_logger, ex, _instrument, command.CommandId);
            final = NewEvent(InstrumentEventKind.Failed, command.CommandId) with { Error = "driver_error", Message = $"{ex.GetType().Name}: {ex.Message}" };
        }

        if (fault is InjectedFault.Duplicate or InjectedFault.Late && final.Kind != InstrumentEventKind.Aborted)
        {
            applied = fault;
        }

        await FinishAsync(run, startedAt, final, applied).ConfigureAwait(false);
    }

    private async ValueTask ReportProgressAsync(CommandRun run, double fraction, CancellationToken cancellationToken)
    {
        var progress = NewEvent(InstrumentEventKind.Progress, run.Command.CommandId) with { Progress = fraction };

        // Progress is kept in memory only: a durable journal should not be written on every tick.
        run.Latest = progress;
        await _publish(progress, cancellationToken).ConfigureAwait(false);
    }

    private async Task FinishAsync(CommandRun run, DateTimeOffset startedAt, InstrumentEvent final, InjectedFault? fault)
    {
        var command = run.Command;
        _metrics.Executed(final.Kind.ToString().ToLowerInvariant());
        Log.Finished(_logger, _instrument, command.CommandId, final.Error is null ? final.Kind.ToString() : LogText.Escape($"{final.Kind} ({final.Error})"));
        try
        {
            if (_executionLog is not null)
            {
                var record = new ExecutionRecord(
                    _instrument, command.CommandId, command.Action!, command.Parameters!, startedAt, final.At, final.Kind, final.Error, fault, command.ExperimentId, final.Results);
                await _executionLog.RecordAsync(record, CancellationToken.None).ConfigureAwait(false);
            }

            if (fault is InjectedFault.Late)
            {
                // Still running as far as anyone can tell: status answers the latest non-final event.
                await DelayLateResultAsync(run).ConfigureAwait(false);
            }

            // Journal the final event before leaving the running set, so a duplicate arriving in
            // between is answered with it rather than executed.
            await _journal.RecordAsync(final, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Logged; the final event must still be published.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.OutcomeNotDelivered(_logger, ex, _instrument, command.CommandId);
        }
        finally
        {
            _running.TryRemove(command.CommandId, out _);
            run.Dispose();
        }

        try
        {
            await _publish(final, CancellationToken.None).ConfigureAwait(false);
            if (fault is InjectedFault.Duplicate)
            {
                Log.FaultInjected(_logger, _instrument, command.CommandId, nameof(InjectedFault.Duplicate));
                await _publish(final, CancellationToken.None).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // Nothing above us to catch it: this is the end of a background run.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.OutcomeNotDelivered(_logger, ex, _instrument, command.CommandId);
        }
    }
}
