using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Instruments.Sdk;

/// <summary>
/// An in-memory <see cref="ICommandJournal"/> that keeps the most recent <see cref="Capacity"/>
/// command ids (first seen, first forgotten). Thread-safe. Lost on restart.
/// </summary>
public sealed class BoundedCommandJournal : ICommandJournal
{
    /// <summary>Default number of command ids kept.</summary>
    public const int DefaultCapacity = 10_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<CommandId, InstrumentEvent> _latest = [];
    private readonly Queue<CommandId> _order = new();

    /// <summary>Creates a journal keeping at most <paramref name="capacity"/> command ids (default 10,000).</summary>
    public BoundedCommandJournal(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>Most command ids kept.</summary>
    public int Capacity { get; }

    /// <summary>Command ids currently kept.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _latest.Count;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<InstrumentEvent?> FindLatestAsync(CommandId commandId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_latest.GetValueOrDefault(commandId));
        }
    }

    /// <inheritdoc />
    public ValueTask RecordAsync(InstrumentEvent instrumentEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instrumentEvent);
        lock (_gate)
        {
            if (!_latest.ContainsKey(instrumentEvent.CommandId))
            {
                _order.Enqueue(instrumentEvent.CommandId);
                while (_order.Count > Capacity)
                {
                    _latest.Remove(_order.Dequeue());
                }
            }

            _latest[instrumentEvent.CommandId] = instrumentEvent;
        }

        return ValueTask.CompletedTask;
    }
}
