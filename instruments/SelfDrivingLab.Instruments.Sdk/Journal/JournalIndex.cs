using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Instruments.Sdk;

/// <summary>
/// The latest event per command id, newest <see cref="Capacity"/> command ids only (first seen, first
/// forgotten). Not thread-safe: its owner serializes access.
/// </summary>
internal sealed class JournalIndex(int capacity)
{
    private readonly Dictionary<CommandId, InstrumentEvent> _latest = [];
    private readonly Queue<CommandId> _order = new();

    public int Capacity { get; } = capacity;

    public int Count => _latest.Count;

    public InstrumentEvent? Find(CommandId commandId) => _latest.GetValueOrDefault(commandId);

    public void Set(InstrumentEvent instrumentEvent)
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

    /// <summary>The latest event of every kept command, oldest command first (replaying them rebuilds this index).</summary>
    public IEnumerable<InstrumentEvent> Latest() => _order.Select(id => _latest[id]);
}
