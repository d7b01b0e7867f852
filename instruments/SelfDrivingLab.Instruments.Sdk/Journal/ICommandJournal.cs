using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Instruments.Sdk;

/// <summary>
/// Remembers every command id an instrument has seen and the latest event about it (accepted while
/// running, then the final event), so a repeated command is answered instead of executed again.
/// Implementations must be thread-safe; a durable one survives instrument restarts.
/// </summary>
public interface ICommandJournal
{
    /// <summary>The latest recorded event about <paramref name="commandId"/>, or null when it was never seen (or forgotten).</summary>
    ValueTask<InstrumentEvent?> FindLatestAsync(CommandId commandId, CancellationToken cancellationToken = default);

    /// <summary>Records <paramref name="instrumentEvent"/> as the latest event about its command.</summary>
    ValueTask RecordAsync(InstrumentEvent instrumentEvent, CancellationToken cancellationToken = default);

    /// <summary>
    /// True when the journal survives instrument restarts (announced as <c>durable_command_ids</c>, so the orchestrator
    /// may send an execute again under its id after the instrument restarted). Default false.
    /// </summary>
    bool IsDurable => false;
}
