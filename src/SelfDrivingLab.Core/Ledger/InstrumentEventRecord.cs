using SelfDrivingLab.Core.Ids;

namespace SelfDrivingLab.Core.Ledger;

/// <summary>An event received from an instrument about a command (accepted, progress, completed, failed, rejected, or a local outcome such as timeout).</summary>
/// <param name="CommandId">The command it is about.</param>
/// <param name="Instrument">The instrument that sent it.</param>
/// <param name="Kind">Event kind, lower case (e.g. <c>completed</c>, <c>timeout</c>).</param>
/// <param name="At">When it was received.</param>
/// <param name="Payload">The payload as received (JSON), or a description for local outcomes.</param>
public sealed record InstrumentEventRecord(
    CommandId CommandId,
    InstrumentId Instrument,
    string Kind,
    DateTimeOffset At,
    string Payload);
