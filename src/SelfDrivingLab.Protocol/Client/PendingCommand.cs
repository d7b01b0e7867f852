using SelfDrivingLab.Core.Time;
using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Protocol.Topics;

namespace SelfDrivingLab.Protocol.Client;

/// <summary>
/// A command awaiting its final event. Its event bookkeeping changes only on the client's single
/// event pump; the open / final / given-up state is a compare-and-swap so the pump and the waiting
/// caller (deadline, cancellation) agree on exactly one ending.
/// </summary>
internal sealed class PendingCommand(InstrumentTopics target, InstrumentCommand command, Func<InstrumentEvent, CancellationToken, ValueTask>? onEvent, IWorkTracker work)
{
    private const int Open = 0;
    private const int FinalClaimed = 1;
    private const int GivenUp = 2;

    // The outcome is set on the event pump, inside the handler's unit of work; the waiter (an experiment that released
    // its work hold) resumes on the thread pool, and the hand-over is counted as work so a virtual clock cannot jump
    // between the handler's end and the waiter's resumption.
    private readonly TrackedCompletionSource<CommandOutcome> _outcome = new(work);
    private readonly TrackedCompletionSource<InstrumentEvent> _abortAnswer = new(work);
    private InstrumentEvent? _firstFinal;
    private int _abortRequested;
    private int _statusQueried;
    private int _state;
    private bool _accepted;
    private double? _lastProgress;
    private bool _lateRecorded;

    public InstrumentTopics Target { get; } = target;

    public InstrumentCommand Command { get; } = command;

    public Func<InstrumentEvent, CancellationToken, ValueTask>? OnEvent { get; } = onEvent;

    public Task<CommandOutcome> Outcome => _outcome.Task;

    /// <summary>True once a final event was claimed or the caller gave up.</summary>
    public bool HasEnded => Volatile.Read(ref _state) != Open;

    /// <summary>True when the caller gave up before any final event.</summary>
    public bool WasGivenUp => Volatile.Read(ref _state) == GivenUp;

    /// <summary>Claims the single final event; false when one was already seen or the caller gave up.</summary>
    public bool TryClaimFinal() => Interlocked.CompareExchange(ref _state, FinalClaimed, Open) == Open;

    /// <summary>Gives up waiting (deadline, cancellation); false when a final event was claimed first.</summary>
    public bool TryGiveUp() => Interlocked.CompareExchange(ref _state, GivenUp, Open) != FinalClaimed;

    /// <summary>Classifies a non-final event: null to apply it, otherwise the reject reason (duplicate or out of order).</summary>
    public string? CheckNonFinal(InstrumentEvent e)
    {
        switch (e.Kind)
        {
            case InstrumentEventKind.Accepted when _accepted:
                return RejectReasons.DuplicateEvent;
            case InstrumentEventKind.Accepted when _lastProgress is not null:
                return RejectReasons.OutOfOrder;
            case InstrumentEventKind.Accepted:
                _accepted = true;
                return null;
            case InstrumentEventKind.Progress when e.Progress is { } p && _lastProgress is { } last && p <= last:
                return p == last ? RejectReasons.DuplicateEvent : RejectReasons.OutOfOrder;
            case InstrumentEventKind.Progress:
                _lastProgress = e.Progress ?? _lastProgress;
                return null;
            default:
                return null;
        }
    }

    /// <summary>Claims the one late-event record of a given-up command; false when it is not given up or one was recorded.</summary>
    public bool TryMarkLate()
    {
        if (!WasGivenUp || _lateRecorded)
        {
            return false;
        }

        _lateRecorded = true;
        return true;
    }

    /// <summary>The instrument's announced instance id when the command was first sent (null: unknown, e.g. sent before a restart).</summary>
    public string? InstanceAtSend { get; init; }

    /// <summary>True once a <c>status</c> was sent for this command instead of sending the execute again: an <c>unknown</c> answer means it is lost.</summary>
    public bool StatusQueried => Volatile.Read(ref _statusQueried) != 0;

    public void MarkStatusQueried() => Interlocked.Exchange(ref _statusQueried, 1);

    /// <summary>True once the orchestrator asked the instrument to abort this command.</summary>
    public bool AbortRequested => Volatile.Read(ref _abortRequested) != 0;

    /// <summary>
    /// Notes that an abort is being sent; the task completes with the instrument's answer: the command's final event
    /// (at once when one already arrived: an abort of an ended command repeats it) or <c>unknown</c>.
    /// </summary>
    public Task<InstrumentEvent> RequestAbort()
    {
        // A full fence on both sides (here and in Observe), so an answer racing with the request is never missed.
        Interlocked.Exchange(ref _abortRequested, 1);
        if (Volatile.Read(ref _firstFinal) is { } final)
        {
            _abortAnswer.TrySetResult(final);
        }

        return _abortAnswer.Task;
    }

    /// <summary>Records a final event (or an <c>unknown</c> answer) seen for this command; it answers a requested abort.</summary>
    public void Observe(InstrumentEvent e)
    {
        if (e.IsFinal)
        {
            Interlocked.CompareExchange(ref _firstFinal, e, null);
        }

        if (AbortRequested)
        {
            _abortAnswer.TrySetResult(e);
        }
    }

    public void Complete(CommandOutcome outcome) => _outcome.TrySetResult(outcome);

    public void Abandon(Exception reason) => _outcome.TrySetException(reason);
}
