using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Protocol.Bus;
using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Protocol.Topics;

namespace SelfDrivingLab.Protocol.Client;

/// <summary>Commands about commands already sent: sending them again safely (or asking their status), and aborting them.</summary>
public sealed partial class InstrumentCommandClient
{
    /// <summary>
    /// Sends every command still waiting for its final event again (only those sent to <paramref name="target"/> when
    /// given), under the same command id: an instrument that never received one runs it, one that did repeats its latest
    /// event. Call it after the orchestrator reconnects and when an instrument comes back online — a broker crash can lose
    /// messages it had acknowledged. A command whose execute might run twice (a non-idempotent action on an instrument
    /// that may have forgotten its id in a restart; see <see cref="InstrumentCapabilities.MayRepeatExecute"/>) gets a
    /// <c>status</c> instead: the instrument repeats its latest event, or answers <c>unknown</c>, which ends the command
    /// as failed with <see cref="CommandOutcome.LostError"/>. Returns how many were sent.
    /// </summary>
    public Task<int> ResendPendingAsync(InstrumentTopics? target = null, CancellationToken cancellationToken = default) =>
        ResendPendingWhereAsync(p => target is null || p.Target == target, cancellationToken);

    /// <summary>
    /// As <see cref="ResendPendingAsync"/>, for every command waiting for an instrument at one of <paramref name="sites"/>:
    /// call it when the bridge to a site comes back, whose broken link may have held the commands or their events.
    /// </summary>
    public Task<int> ResendPendingAtSitesAsync(IReadOnlyCollection<SiteId> sites, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sites);
        return ResendPendingWhereAsync(p => sites.Contains(p.Target.Site), cancellationToken);
    }

    private async Task<int> ResendPendingWhereAsync(Func<PendingCommand, bool> which, CancellationToken cancellationToken)
    {
        if (_bus is not { } bus)
        {
            return 0;
        }

        PendingCommand[] waiting;
        lock (_gate)
        {
            waiting = [.. _pending.Values.Where(p => !p.HasEnded && which(p))];
        }

        foreach (var pending in waiting)
        {
            await SendAgainAsync(bus, pending, cancellationToken).ConfigureAwait(false);
        }

        return waiting.Length;
    }

    // The execute again when that cannot run it twice, else a status query (see ResendPendingAsync).
    private async Task SendAgainAsync(IMessageBus bus, PendingCommand pending, CancellationToken cancellationToken)
    {
        var command = pending.Command;
        if (_directory?.CapabilitiesOf(pending.Target) is { } capabilities && capabilities.MayRepeatExecute(command.Action, pending.InstanceAtSend))
        {
            await bus.PublishAsync(new OutboundMessage(pending.Target.Command, ProtocolJson.Serialize(command)), cancellationToken).ConfigureAwait(false);
            Log.CommandResent(_logger, command.CommandId, pending.Target.Command);
            return;
        }

        pending.MarkStatusQueried();
        var status = new InstrumentCommand(CommandType.Status, command.CommandId, Action: null, Parameters: null, _timeProvider.GetUtcNow(), Deadline: null, command.ExperimentId, command.CampaignId);
        await bus.PublishAsync(new OutboundMessage(pending.Target.Command, ProtocolJson.Serialize(status)), cancellationToken).ConfigureAwait(false);
        Log.StatusQueried(_logger, command.CommandId, pending.Target.Command);
    }

    /// <summary>
    /// Asks <paramref name="target"/> to stop command <paramref name="commandId"/>; its outcome arrives as an aborted (or
    /// other final) event, which is then expected: it is recorded (as late when the client had given up) but not warned about.
    /// </summary>
    public Task SendAbortAsync(InstrumentTopics target, CommandId commandId, CancellationToken cancellationToken = default) =>
        AbortAsync(target, commandId, TimeSpan.Zero, cancellationToken);

    /// <summary>
    /// Sends an abort for <paramref name="commandId"/> to <paramref name="target"/> and waits, at most
    /// <paramref name="confirmWithin"/> on the injected clock, for the instrument's answer: the command's final event
    /// (<c>aborted</c>, or the final event it had already reached) or <c>unknown</c> (it never received the command).
    /// Returns that answer, or null when none arrived in time (or <paramref name="confirmWithin"/> is zero).
    /// </summary>
    /// <exception cref="InvalidOperationException">Not started.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public async Task<InstrumentEvent?> AbortAsync(InstrumentTopics target, CommandId commandId, TimeSpan confirmWithin, CancellationToken cancellationToken = default)
    {
        var bus = _bus ?? throw new InvalidOperationException("Call StartAsync before sending commands.");
        var command = Find(commandId);
        var answer = command is not null && command.Target == target ? command.RequestAbort() : null;

        // The wait starts before publishing, so a fast instrument can never beat the timer's start.
        using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var waitEnds = answer is not null && confirmWithin > TimeSpan.Zero ? Task.Delay(confirmWithin, _timeProvider, stopWaiting.Token) : null;
        var abort = new InstrumentCommand(CommandType.Abort, commandId, Action: null, Parameters: null, _timeProvider.GetUtcNow(), Deadline: null);
        await bus.PublishAsync(new OutboundMessage(target.Command, ProtocolJson.Serialize(abort)), cancellationToken).ConfigureAwait(false);
        Log.CommandSent(_logger, "abort", commandId, target.Command);
        if (answer is null || waitEnds is null)
        {
            return answer is { IsCompletedSuccessfully: true } ? answer.Result : null;
        }

        var first = await Task.WhenAny(answer, waitEnds).ConfigureAwait(false);
        await stopWaiting.CancelAsync().ConfigureAwait(false);
        if (first == answer)
        {
            return await answer.ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        Log.AbortNotConfirmed(_logger, commandId, target.Command, confirmWithin);
        return null;
    }
}
