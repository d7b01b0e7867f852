using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Text;
using SelfDrivingLab.Core.Time;
using SelfDrivingLab.Protocol.Bus;
using SelfDrivingLab.Protocol.Directory;
using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Protocol.Topics;

namespace SelfDrivingLab.Protocol.Client;

/// <summary>
/// The orchestrator's side of the command protocol: sends commands and turns the events that come
/// back into one <see cref="CommandOutcome"/> per command. One subscription to every instrument's
/// events serves all commands. Every event is checked — topic, payload rules, instrument, command
/// id, order, a single final event — and anything unexpected is dropped, logged and counted under a
/// reason (<see cref="RejectReasons"/>); the handler never throws. A final event for a command the
/// client already gave up on is not applied but handed to the <see cref="ILateEventSink"/>. Thread-safe.
/// </summary>
public sealed partial class InstrumentCommandClient : IAsyncDisposable
{
    private const int RememberedEndedCommands = 1024;

    private readonly TimeProvider _timeProvider;
    private readonly IWorkTracker _work;
    private readonly ILogger _logger;
    private readonly ILateEventSink? _lateEvents;
    private readonly InstrumentDirectory? _directory;
    private readonly Lock _gate = new();
    private readonly Dictionary<CommandId, PendingCommand> _pending = [];

    // Commands that ended recently, so a late or duplicate final event is recognised as such, not as unknown.
    private readonly Dictionary<CommandId, PendingCommand> _ended = [];
    private readonly Queue<CommandId> _endedOrder = new();
    private IMessageBus? _bus;
    private IAsyncDisposable? _subscription;
    private long _late;

    /// <summary>Creates the client.</summary>
    /// <param name="timeProvider">The clock deadlines are measured on.</param>
    /// <param name="logger">Logging (default none).</param>
    /// <param name="lateEvents">Where final events for given-up commands go (default: logged and dropped).</param>
    /// <param name="rejections">Tally of dropped messages; pass one shared with the directory to see all inbound drops in one place (default a new one).</param>
    /// <param name="directory">
    /// The instruments' announced capabilities, which say when an execute command may be sent again under its id
    /// (<see cref="InstrumentCapabilities.MayRepeatExecute"/>); without it, a command is never executed again: a
    /// <c>status</c> is sent instead (default none).
    /// </param>
    /// <param name="workTracker">Counts a command's outcome as work until its waiter resumes, for a virtual clock (default <see cref="NoWorkTracker"/>).</param>
    public InstrumentCommandClient(
        TimeProvider timeProvider,
        ILogger<InstrumentCommandClient>? logger = null,
        ILateEventSink? lateEvents = null,
        InboundRejectionCounter? rejections = null,
        InstrumentDirectory? directory = null,
        IWorkTracker? workTracker = null)
    {
        _timeProvider = timeProvider;
        _work = workTracker ?? NoWorkTracker.Instance;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _lateEvents = lateEvents;
        _directory = directory;
        Rejections = rejections ?? new InboundRejectionCounter();
    }

    /// <summary>How many inbound messages were dropped (also the <c>sdl.protocol.rejected_messages</c> counter).</summary>
    public long RejectedMessageCount => Rejections.Total;

    /// <summary>Dropped messages by reason.</summary>
    public InboundRejectionCounter Rejections { get; }

    /// <summary>How many late final events were handed to the late-event sink (also the <c>sdl.protocol.late_events</c> counter).</summary>
    public long LateEventCount => Interlocked.Read(ref _late);

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
    public Task<CommandOutcome> ExecuteAsync(
        InstrumentTopics target,
        InstrumentCommand command,
        Func<InstrumentEvent, CancellationToken, ValueTask>? onEvent = null,
        CancellationToken cancellationToken = default) =>
        RunAsync(target, command, onEvent, sentBefore: false, cancellationToken);

    /// <summary>
    /// As <see cref="ExecuteAsync"/>, for a command that was already sent once before the orchestrator restarted: it is
    /// sent again under its id only when that cannot run it twice (<see cref="InstrumentCapabilities.MayRepeatExecute"/>;
    /// the instrument's instance at the first send is unknown); otherwise a <c>status</c> is sent, and an <c>unknown</c>
    /// answer ends the command as failed with <see cref="CommandOutcome.LostError"/>.
    /// </summary>
    public Task<CommandOutcome> ReattachAsync(
        InstrumentTopics target,
        InstrumentCommand command,
        Func<InstrumentEvent, CancellationToken, ValueTask>? onEvent = null,
        CancellationToken cancellationToken = default) =>
        RunAsync(target, command, onEvent, sentBefore: true, cancellationToken);

    private async Task<CommandOutcome> RunAsync(
        InstrumentTopics target,
        InstrumentCommand command,
        Func<InstrumentEvent, CancellationToken, ValueTask>? onEvent,
        bool sentBefore,
        CancellationToken cancellationToken)
    {
        if (command.Type != CommandType.Execute || command.Deadline is not { } deadline)
        {
            throw new ArgumentException($"Command {command.CommandId} must be an execute command with a deadline (got {command.Type}, deadline {command.Deadline?.ToString("O") ?? "none"}).", nameof(command));
        }

        var bus = _bus ?? throw new InvalidOperationException("Call StartAsync before sending commands.");
        var pending = Register(target, command, onEvent, sentBefore ? null : _directory?.CapabilitiesOf(target)?.InstanceId);
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
                if (sentBefore)
                {
                    await SendAgainAsync(bus, pending, linked.Token).ConfigureAwait(false);
                }
                else
                {
                    await bus.PublishAsync(new OutboundMessage(target.Command, ProtocolJson.Serialize(command)), linked.Token).ConfigureAwait(false);
                    Log.CommandSent(_logger, "execute", command.CommandId, target.Command);
                }

                var outcome = await pending.Outcome.WaitAsync(linked.Token).ConfigureAwait(false);
                Log.CommandEnded(_logger, command.CommandId, outcome.Kind.ToString(), LogText.Escape(outcome.Error));
                return outcome;
            }
            catch (OperationCanceledException) when (deadlineReached.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                // The final event may have won the race against the deadline timer: then its outcome stands.
                return pending.TryGiveUp()
                    ? TimedOut(target, command.CommandId, deadline, "no final event arrived before the deadline")
                    : await pending.Outcome.ConfigureAwait(false);
            }
        }
        finally
        {
            pending.TryGiveUp();
            Unregister(pending);
        }
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

    private PendingCommand Register(InstrumentTopics target, InstrumentCommand command, Func<InstrumentEvent, CancellationToken, ValueTask>? onEvent, string? instanceAtSend)
    {
        var commandId = command.CommandId;
        var pending = new PendingCommand(target, command, onEvent, _work) { InstanceAtSend = instanceAtSend };
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

    private void Unregister(PendingCommand pending)
    {
        var commandId = pending.Command.CommandId;
        lock (_gate)
        {
            _pending.Remove(commandId);
            if (_ended.TryAdd(commandId, pending))
            {
                _endedOrder.Enqueue(commandId);
                if (_endedOrder.Count > RememberedEndedCommands)
                {
                    _ended.Remove(_endedOrder.Dequeue());
                }
            }
        }
    }

    private PendingCommand? Find(CommandId commandId)
    {
        lock (_gate)
        {
            return _pending.GetValueOrDefault(commandId) ?? _ended.GetValueOrDefault(commandId);
        }
    }

    private CommandOutcome TimedOut(InstrumentTopics target, CommandId commandId, DateTimeOffset deadline, string why)
    {
        Log.CommandTimedOut(_logger, commandId, target.Command, deadline);
        return CommandOutcome.TimedOut($"Command {commandId} to {target.Site}/{target.Instrument}: {why} ({deadline:O}).");
    }

    private void Reject(string topic, string reason, string detail)
    {
        Rejections.Add(reason);
        Log.MessageDropped(_logger, LogText.Escape(topic), reason, LogText.Escape(detail));
    }
}
