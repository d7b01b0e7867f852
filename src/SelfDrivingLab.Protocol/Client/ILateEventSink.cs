namespace SelfDrivingLab.Protocol.Client;

/// <summary>
/// Where <see cref="InstrumentCommandClient"/> hands a final event that arrived after it gave up on
/// the command (deadline passed, cancelled, superseded). The host wires it to the ledger so the
/// event is kept as <c>late</c>; it is never applied. Called on the client's event pump: keep it short.
/// </summary>
public interface ILateEventSink
{
    /// <summary>Stores <paramref name="lateEvent"/>; exceptions are logged by the client and otherwise ignored.</summary>
    ValueTask RecordLateEventAsync(LateInstrumentEvent lateEvent, CancellationToken cancellationToken = default);
}
