using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Instruments.Sdk;

/// <summary>One accepted command while its driver call runs. Thread-safe.</summary>
internal sealed class CommandRun : IDisposable
{
    private readonly CancellationTokenSource _cancellation;
    private InstrumentEvent _latest;
    private int _abortRequested;

    public CommandRun(InstrumentCommand command, InstrumentEvent accepted, CancellationToken stopping)
    {
        Command = command;
        _latest = accepted;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(stopping);
    }

    public InstrumentCommand Command { get; }

    /// <summary>The latest event published about the command (accepted or progress).</summary>
    public InstrumentEvent Latest
    {
        get => Volatile.Read(ref _latest);
        set => Volatile.Write(ref _latest, value);
    }

    public bool AbortRequested => Volatile.Read(ref _abortRequested) == 1;

    /// <summary>Cancelled by an abort command or when the host stops.</summary>
    public CancellationToken Token => _cancellation.Token;

    public Task Completion { get; set; } = Task.CompletedTask;

    /// <summary>The fault injected into this command (none by default).</summary>
    public FaultDecision Fault { get; init; }

    public void RequestAbort()
    {
        Volatile.Write(ref _abortRequested, 1);
        try
        {
            _cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The run finished between the lookup and the abort: nothing left to stop.
        }
    }

    public void Dispose() => _cancellation.Dispose();
}
