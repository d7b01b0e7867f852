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
    string Protocol = ProtocolVersion.Current);
