using SelfDrivingLab.Core.Ids;

namespace SelfDrivingLab.Protocol.Messages;

/// <summary>Retained description of what an instrument can do, on its capabilities topic.</summary>
/// <param name="Instrument">The instrument.</param>
/// <param name="Model">Make/model or simulator name, for people.</param>
/// <param name="Capabilities">The actions offered.</param>
/// <param name="Channels">How many commands it runs at once (default 1).</param>
/// <param name="Protocol">Protocol version.</param>
public sealed record InstrumentCapabilities(
    InstrumentId Instrument,
    string Model,
    IReadOnlyList<CapabilityDescription> Capabilities,
    int Channels = 1,
    string Protocol = ProtocolVersion.Current)
{
    /// <summary>
    /// True when the instrument remembers every command id it has seen across its own restarts (a durable journal), so an
    /// execute command sent again under the same id is never run twice (default false: it may forget ids when it restarts).
    /// </summary>
    public bool DurableCommandIds { get; init; }

    /// <summary>
    /// An opaque id of this run of the instrument, new at every start (default null: not announced). While it stays the
    /// same, the instrument has not restarted, so it still remembers the ids it received during this run.
    /// </summary>
    public string? InstanceId { get; init; }

    /// <summary>
    /// Whether an execute command for <paramref name="action"/> that was first sent while the instrument announced
    /// <paramref name="instanceAtSend"/> (null: unknown) may be sent again under the same id without risking a second run:
    /// the action is idempotent, or the instrument remembers ids durably, or it has not restarted since (same instance id).
    /// </summary>
    public bool MayRepeatExecute(string? action, string? instanceAtSend) =>
        Capabilities.Any(c => c.Idempotent && string.Equals(c.Name, action, StringComparison.Ordinal))
        || DurableCommandIds
        || (InstanceId is not null && string.Equals(InstanceId, instanceAtSend, StringComparison.Ordinal));
}
