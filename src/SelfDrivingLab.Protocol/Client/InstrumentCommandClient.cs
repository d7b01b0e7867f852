using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Protocol.Bus;
using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Protocol.Topics;

namespace SelfDrivingLab.Protocol.Client;

/// <summary>
/// The orchestrator's side of the command protocol: sends commands and turns the events that come
/// back into one <see cref="CommandOutcome"/> per command. One subscription to every instrument's
/// events serves all commands; events are checked (payload rules, instrument, command id, a single
/// final event) and anything unexpected is dropped, logged and counted. Thread-safe.
/// </summary>
public sealed class InstrumentCommandClient : IAsyncDisposable
{
    private const int RememberedEndedCommands = 1024;

    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<CommandId, PendingCommand> _pending = [];

    // Commands that ended recently, so a late duplicate final event is reported as such, not as unknown.
    private readonly HashSet<CommandId> _ended = [];
    private readonly Queue<CommandId> _endedOrder = new();
    private IMessageBus? _bus;
    private IAsyncDisposable? _subscription;
    private long _rejected;

    /// <summary>Creates the client.</summary>
    /// <param name="timeProvider">The clock deadlines are measured on.</param>
    /// <param name="logger">Logging (default none).</param>
    public InstrumentCommandClient(TimeProvider timeProvider, ILogger<InstrumentCommandClient>? logger = null)
    {
        _timeProvider = timeProvider;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>How many inbound messages were dropped (also the <c>sdl.protocol.rejected_messages</c> counter).</summary>
    public long RejectedMessageCount => Interlocked.Read(ref _rejected);

    /// <summary>Subscribes to every instrument's events on <paramref name="bus"/>; call once before sending commands.</summary>
    public async Task StartAsync(IMessageBus bus, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_bus is not null)
            {
                throw new InvalidOperationException("The command client is already started.");
            }

            _bus = bus;
        }

        _subscription = await bus.SubscribeAsync(InstrumentTopics.AllEvents, OnEventAsync, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends an execute command to <paramref name="target"/> and waits for its first final event, its
    /// deadline (on the injected clock) or cancellation. Every accepted event about the command, the
    /// final one included, is passed to <paramref name="onEvent"/> first, one at a time, on the
    /// client's event pump: keep it short.
    /// </summary>
    /// <exception cref="ArgumentException">The command is not an execute command with a deadline.</exception>
    /// <exception cref="InvalidOperationException">Not started, or a command with this id is already waiting.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public async Task<CommandOutcome> ExecuteAsync(
        InstrumentTopics target,
        InstrumentCommand command,
        Func<InstrumentEvent, CancellationToken, ValueTask>? onEvent = null,
        CancellationToken cancellationToken = default)
    {
        if (command.Type != CommandType.Execute || command.Deadline is not { } deadline)
        {
            throw new ArgumentException($"Command {command.CommandId} must be an execute command with a deadline (got {command.Type}, deadline {command.Deadline?.ToString("O") ?? "none"}).", nameof(command));
        }

        var bus = _bus ?? throw new InvalidOperationException("Call StartAsync before sending commands.");
        var pending = Register(target, command, onEvent);
        try
        {
            var remaining = deadline - _timeProvider.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return TimedOut(target, command.CommandId, deadline, "the deadline passed before the command was sent");
            }

            // Created before publishing, so a fast instrument can never beat the timer's start.
            using var deadlineReached = new CancellationTokenSource(remaining, _timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadlineReached.Token);
            try
            {
                await bus.PublishAsync(new OutboundMessage(target.Command, ProtocolJson.Serialize(command)), linked.Token).ConfigureAwait(false);
                Log.CommandSent(_logger, "execute", command.CommandId, target.Command);
                var outcome = await pending.Outcome.WaitAsync(linked.Token).ConfigureAwait(false);
                Log.CommandEnded(_logger, command.CommandId, outcome.Kind.ToString(), outcome.Error);
                return outcome;
            }
            catch (OperationCanceledException) when (deadlineReached.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                // The final event may have won the race against the deadline timer.
                return pending.Outcome.IsCompletedSuccessfully
                    ? await pending.Outcome.ConfigureAwait(false)
                    : TimedOut(target, command.CommandId, deadline, "no final event arrived before the deadline");
            }
        }
        finally
        {
            Unregister(command.CommandId);
        }
    }

    /// <summary>
    /// Publishes every command still waiting for its final event again (only those sent to
    /// <paramref name="target"/> when given), under the same command id: an instrument that never
    /// received one runs it, one that did repeats its latest event. Call it after the orchestrator
    /// reconnects and when an instrument comes back online — a broker crash can lose messages it
    /// had acknowledged. Returns how many were sent.
    /// </summary>
    public async Task<int> ResendPendingAsync(InstrumentTopics? target = null, CancellationToken cancellationToken = default)
    {
        if (_bus is not { } bus)
        {
            return 0;
        }

        PendingCommand[] waiting;
        lock (_gate)
        {
            waiting = [.. _pending.Values.Where(p => !p.HasEnded && (target is null || p.Target == target))];
        }

        foreach (var pending in waiting)
        {
            await bus.PublishAsync(new OutboundMessage(pending.Target.Command, ProtocolJson.Serialize(pending.Command)), cancellationToken).ConfigureAwait(false);
            Log.CommandResent(_logger, pending.Command.CommandId, pending.Target.Command);
        }

        return waiting.Length;
    }

    /// <summary>Asks <paramref name="target"/> to stop command <paramref name="commandId"/>; its outcome arrives as an aborted (or other final) event.</summary>
    public async Task SendAbortAsync(InstrumentTopics target, CommandId commandId, CancellationToken cancellationToken = default)
    {
        var bus = _bus ?? throw new InvalidOperationException("Call StartAsync before sending commands.");
        var abort = new InstrumentCommand(CommandType.Abort, commandId, Action: null, Parameters: null, _timeProvider.GetUtcNow(), Deadline: null);
        await bus.PublishAsync(new OutboundMessage(target.Command, ProtocolJson.Serialize(abort)), cancellationToken).ConfigureAwait(false);
        Log.CommandSent(_logger, "abort", commandId, target.Command);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _subscription, null) is { } subscription)
        {
            await subscription.DisposeAsync().ConfigureAwait(false);
        }

        PendingCommand[] abandoned;
        lock (_gate)
        {
            abandoned = [.. _pending.Values];
        }

        foreach (var pending in abandoned)
        {
            pending.Abandon(new ObjectDisposedException(nameof(InstrumentCommandClient), "The command client was disposed while the command was running."));
        }
    }

    private async ValueTask OnEventAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        if (!InstrumentTopics.TryParse(message.Topic, out var topics, out var leaf) || topics is null || leaf != "event")
        {
            Reject(message.Topic, RejectReasons.BadTopic, "not an instrument event topic");
            return;
        }

        if (!ProtocolReader.TryReadEvent(message.Payload.Span, out var instrumentEvent, out var error) || instrumentEvent is null)
        {
            Reject(message.Topic, RejectReasons.InvalidPayload, error);
            return;
        }

        if (instrumentEvent.Instrument != topics.Instrument)
        {
            Reject(message.Topic, RejectReasons.InstrumentMismatch, $"payload instrument '{instrumentEvent.Instrument}' on the topic of '{topics.Instrument}'");
            return;
        }

        var (pending, ended) = Find(instrumentEvent.CommandId);
        if (pending is null)
        {
            var reason = ended && instrumentEvent.IsFinal ? RejectReasons.DuplicateFinal : ended ? RejectReasons.LateEvent : RejectReasons.UnknownCommand;
            Reject(message.Topic, reason, $"{instrumentEvent.Kind} event for command {instrumentEvent.CommandId}");
            return;
        }

        if (pending.Target != topics)
        {
            Reject(message.Topic, RejectReasons.WrongInstrument, $"command {instrumentEvent.CommandId} was sent to {pending.Target.Site}/{pending.Target.Instrument}");
            return;
        }

        if (instrumentEvent.IsFinal ? !pending.TryClaimFinal() : pending.HasEnded)
        {
            Reject(message.Topic, instrumentEvent.IsFinal ? RejectReasons.DuplicateFinal : RejectReasons.LateEvent, $"{instrumentEvent.Kind} event after command {instrumentEvent.CommandId} ended");
            return;
        }

        await NotifyAsync(pending, instrumentEvent, cancellationToken).ConfigureAwait(false);
        if (instrumentEvent.IsFinal)
        {
            pending.Complete(CommandOutcome.FromFinalEvent(instrumentEvent));
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

    private PendingCommand Register(InstrumentTopics target, InstrumentCommand command, Func<InstrumentEvent, CancellationToken, ValueTask>? onEvent)
    {
        var commandId = command.CommandId;
        var pending = new PendingCommand(target, command, onEvent);
        lock (_gate)
        {
            if (!_pending.TryAdd(commandId, pending))
            {
                throw new InvalidOperationException($"Command {commandId} is already waiting for its outcome; a command id is executed at most once.");
            }

            _ended.Remove(commandId);
        }

        return pending;
    }

    private void Unregister(CommandId commandId)
    {
        lock (_gate)
        {
            _pending.Remove(commandId);
            if (_ended.Add(commandId))
            {
                _endedOrder.Enqueue(commandId);
                if (_endedOrder.Count > RememberedEndedCommands)
                {
                    _ended.Remove(_endedOrder.Dequeue());
                }
            }
        }
    }

    private (PendingCommand? Pending, bool Ended) Find(CommandId commandId)
    {
        lock (_gate)
        {
            return (_pending.GetValueOrDefault(commandId), _ended.Contains(commandId));
        }
    }

    private CommandOutcome TimedOut(InstrumentTopics target, CommandId commandId, DateTimeOffset deadline, string why)
    {
        Log.CommandTimedOut(_logger, commandId, target.Command, deadline);
        return CommandOutcome.TimedOut($"Command {commandId} to {target.Site}/{target.Instrument}: {why} ({deadline:O}).");
    }

    private void Reject(string topic, string reason, string detail)
    {
        Interlocked.Increment(ref _rejected);
        ProtocolMetrics.Rejected(reason);
        Log.MessageDropped(_logger, topic, reason, detail);
    }
}
