using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Protocol.Client;

namespace SelfDrivingLab.Workflow.Instruments;

/// <summary>
/// Keeps late final events in the ledger as events of kind <c>late</c>, payload verbatim, so they are
/// on record but never applied (the experiment's result and the surrogate do not change). Thread-safe.
/// </summary>
public sealed class LedgerLateEventSink(ILedger ledger) : ILateEventSink
{
    /// <inheritdoc />
    public ValueTask RecordLateEventAsync(LateInstrumentEvent lateEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lateEvent);
        return ledger.RecordEventAsync(
            new InstrumentEventRecord(lateEvent.Event.CommandId, lateEvent.Target.Instrument, LateInstrumentEvent.LedgerKind, lateEvent.ReceivedAt, lateEvent.Payload),
            cancellationToken);
    }
}
