using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Protocol.Topics;

namespace SelfDrivingLab.Protocol.Client;

/// <summary>A final event for a command the orchestrator had already given up on. Immutable.</summary>
/// <param name="Target">The instrument the command was sent to (and the event came from).</param>
/// <param name="Event">The decoded event.</param>
/// <param name="Payload">The payload exactly as received (UTF-8 JSON).</param>
/// <param name="ReceivedAt">When it arrived, on the client's clock.</param>
public sealed record LateInstrumentEvent(InstrumentTopics Target, InstrumentEvent Event, string Payload, DateTimeOffset ReceivedAt)
{
    /// <summary>The event kind the ledger stores a late event under.</summary>
    public const string LedgerKind = "late";
}
