using System.Text;
using SelfDrivingLab.Protocol.Bus;
using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Protocol.Topics;

namespace SelfDrivingLab.Protocol.Client;

/// <summary>The inbound half: every event is checked, then applied, recorded as late, or rejected with a reason.</summary>
public sealed partial class InstrumentCommandClient
{
    private async ValueTask OnEventAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        if (!InstrumentTopics.TryParse(message.Topic, out var topics, out var leaf) || topics is null || leaf != "event")
        {
            Reject(message.Topic, RejectReasons.BadTopic, "not an instrument event topic");
            return;
        }

        if (message.Retained)
        {
            Reject(message.Topic, RejectReasons.RetainedEvent, "events are never retained; this one is stale");
            return;
        }

        if (!ProtocolReader.TryDecodeEvent(message.Payload.Span, out var instrumentEvent, out var failure) || instrumentEvent is null)
        {
            Reject(message.Topic, failure.Reason, failure.Detail);
            return;
        }

        if (instrumentEvent.Instrument != topics.Instrument)
        {
            Reject(message.Topic, RejectReasons.InstrumentMismatch, $"payload instrument '{instrumentEvent.Instrument}' on the topic of '{topics.Instrument}'");
            return;
        }

        var command = Find(instrumentEvent.CommandId);
        var about = $"{instrumentEvent.Kind} event for command {instrumentEvent.CommandId}";
        if (command is null)
        {
            Reject(message.Topic, RejectReasons.UnknownCommand, about);
        }
        else if (command.Target != topics)
        {
            Reject(message.Topic, RejectReasons.WrongInstrument, $"{about}, which was sent to {command.Target.Site}/{command.Target.Instrument}");
        }
        else if (instrumentEvent.IsFinal)
        {
            await OnFinalEventAsync(message, command, instrumentEvent, about, cancellationToken).ConfigureAwait(false);
        }
        else if (instrumentEvent.Kind == InstrumentEventKind.Unknown && command.StatusQueried && command.TryClaimFinal())
        {
            // Asked instead of re-sending a command that might run twice: the instrument does not know it (never
            // received it, or forgot it in a restart, possibly half way). It is not sent again.
            await NotifyAsync(command, instrumentEvent, cancellationToken).ConfigureAwait(false);
            Log.CommandLost(_logger, instrumentEvent.CommandId, message.Topic);
            command.Complete(CommandOutcome.Lost(
                $"instrument {topics.Instrument} does not know command {instrumentEvent.CommandId} (it never received it, or restarted without remembering command ids); "
                + "not sent again because running it twice could repeat a physical action"));
        }
        else if (instrumentEvent.Kind == InstrumentEventKind.Unknown && command.AbortRequested)
        {
            // The documented answer to an abort of a command the instrument never received: expected, nothing runs.
            command.Observe(instrumentEvent);
            Log.AbortAnswered(_logger, instrumentEvent.CommandId, instrumentEvent.Kind.ToString());
        }
        else if (command.HasEnded)
        {
            Reject(message.Topic, command.WasGivenUp ? RejectReasons.LateEvent : RejectReasons.OutOfOrder, $"{about} after it ended");
        }
        else if (command.CheckNonFinal(instrumentEvent) is { } reason)
        {
            if (command.StatusQueried && reason == RejectReasons.DuplicateEvent)
            {
                // The documented answer to a status query repeats the latest event: expected, nothing to apply.
                Log.StatusAnswered(_logger, instrumentEvent.CommandId, instrumentEvent.Kind.ToString());
            }
            else
            {
                Reject(message.Topic, reason, about);
            }
        }
        else
        {
            await NotifyAsync(command, instrumentEvent, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask OnFinalEventAsync(InboundMessage message, PendingCommand command, InstrumentEvent finalEvent, string about, CancellationToken cancellationToken)
    {
        if (command.TryClaimFinal())
        {
            await NotifyAsync(command, finalEvent, cancellationToken).ConfigureAwait(false);
            command.Observe(finalEvent);
            command.Complete(CommandOutcome.FromFinalEvent(finalEvent));
        }
        else if (command.TryMarkLate())
        {
            Interlocked.Increment(ref _late);
            ProtocolMetrics.Late();
            if (command.AbortRequested && finalEvent.Kind == InstrumentEventKind.Aborted)
            {
                // The documented answer to the orchestrator's own abort: on record, but nothing to warn about.
                Log.AbortAnswered(_logger, finalEvent.CommandId, finalEvent.Kind.ToString());
            }
            else
            {
                Log.LateEvent(_logger, finalEvent.CommandId, finalEvent.Kind.ToString());
            }

            await RecordLateAsync(new LateInstrumentEvent(command.Target, finalEvent, Encoding.UTF8.GetString(message.Payload.Span), _timeProvider.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            command.Observe(finalEvent);
        }
        else
        {
            Reject(message.Topic, RejectReasons.DuplicateFinal, $"{about} after it ended");
        }
    }

    private async ValueTask RecordLateAsync(LateInstrumentEvent lateEvent, CancellationToken cancellationToken)
    {
        if (_lateEvents is null)
        {
            return;
        }

        try
        {
            await _lateEvents.RecordLateEventAsync(lateEvent, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The message handler must survive a failing store; the event is still not applied.
            Log.LateEventNotRecorded(_logger, ex, lateEvent.Event.CommandId);
        }
    }

    private async ValueTask NotifyAsync(PendingCommand pending, InstrumentEvent instrumentEvent, CancellationToken cancellationToken)
    {
        if (pending.OnEvent is not { } onEvent)
        {
            return;
        }

        try
        {
            await onEvent(instrumentEvent, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A failing observer must not hide the command's outcome.
            Log.EventCallbackFailed(_logger, ex, instrumentEvent.CommandId, instrumentEvent.Kind.ToString());
        }
    }
}
