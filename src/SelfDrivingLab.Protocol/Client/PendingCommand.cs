using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Protocol.Topics;

namespace SelfDrivingLab.Protocol.Client;

/// <summary>A command awaiting its final event. Its state changes only on the client's single event pump.</summary>
internal sealed class PendingCommand(InstrumentTopics target, InstrumentCommand command, Func<InstrumentEvent, CancellationToken, ValueTask>? onEvent)
{
    private readonly TaskCompletionSource<CommandOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _finalSeen;

    public InstrumentTopics Target { get; } = target;

    public InstrumentCommand Command { get; } = command;

    public Func<InstrumentEvent, CancellationToken, ValueTask>? OnEvent { get; } = onEvent;

    public Task<CommandOutcome> Outcome => _outcome.Task;

    public bool HasEnded => Volatile.Read(ref _finalSeen) != 0;

    /// <summary>Claims the single final event; false when one was already seen.</summary>
    public bool TryClaimFinal() => Interlocked.Exchange(ref _finalSeen, 1) == 0;

    public void Complete(CommandOutcome outcome) => _outcome.TrySetResult(outcome);

    public void Abandon(Exception reason) => _outcome.TrySetException(reason);
}
