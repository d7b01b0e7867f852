using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Instruments.Sdk;

/// <summary>Fault injection: each injected fault is logged and written to the execution log with its <see cref="InjectedFault"/>.</summary>
internal sealed partial class CommandProcessor
{
    public const string SimulatedRejection = "simulated_rejection";
    public const string SimulatedFailure = "simulated_failure";

    /// <summary>Asked only under the gate, for a new command that passed every check, so a seeded injector sees commands in arrival order.</summary>
    private FaultDecision DecideFault(InstrumentCommand command)
    {
        var decision = _faults?.Decide(command) ?? FaultDecision.None;
        if (decision.Fault is InjectedFault.Disconnect && _dropConnection is null)
        {
            // Better a visible warning than pretending the connection dropped.
            Log.FaultNotApplied(_logger, _instrument, command.CommandId, nameof(InjectedFault.Disconnect), "no connection dropper is configured");
            return FaultDecision.None;
        }

        return decision;
    }

    private async ValueTask InjectRejectionAsync(InstrumentCommand command, CancellationToken cancellationToken)
    {
        Log.FaultInjected(_logger, _instrument, command.CommandId, nameof(InjectedFault.Reject));
        if (_executionLog is not null)
        {
            // Written before the event so whoever sees the rejection can already read its record.
            var now = _time.GetUtcNow();
            var record = new ExecutionRecord(_instrument, command.CommandId, command.Action!, command.Parameters!, now, now, InstrumentEventKind.Rejected, SimulatedRejection, InjectedFault.Reject);
            await _executionLog.RecordAsync(record, cancellationToken).ConfigureAwait(false);
        }

        await RejectAsync(command.CommandId, SimulatedRejection, "rejected by fault injection", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drops the connection for a disconnect fault; true when it was dropped.</summary>
    private async ValueTask<bool> InjectDisconnectAsync(CommandRun run)
    {
        Log.FaultInjected(_logger, _instrument, run.Command.CommandId, nameof(InjectedFault.Disconnect));
        try
        {
            if (await _dropConnection!(run.Token).ConfigureAwait(false))
            {
                return true;
            }

            Log.FaultNotApplied(_logger, _instrument, run.Command.CommandId, nameof(InjectedFault.Disconnect), "the client was not connected");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.FaultNotApplied(_logger, _instrument, run.Command.CommandId, nameof(InjectedFault.Disconnect), ex.Message);
        }

        return false;
    }

    /// <summary>Accepts and never answers: only the run's token (abort or host stop) ends it.</summary>
    private async Task<ParameterSet> HangAsync(CommandRun run)
    {
        Log.FaultInjected(_logger, _instrument, run.Command.CommandId, nameof(InjectedFault.Hang));
        var never = new TaskCompletionSource<ParameterSet>(TaskCreationOptions.RunContinuationsAsynchronously);
        return await never.Task.WaitAsync(run.Token).ConfigureAwait(false);
    }

    /// <summary>Holds a late result back on the injected clock; an abort or the host stopping releases it at once.</summary>
    private async Task DelayLateResultAsync(CommandRun run)
    {
        Log.FaultInjected(_logger, _instrument, run.Command.CommandId, nameof(InjectedFault.Late));
        try
        {
            await Task.Delay(run.Fault.Delay, _time, run.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (run.Token.IsCancellationRequested)
        {
            // Released early: the result is published now.
        }
    }
}
