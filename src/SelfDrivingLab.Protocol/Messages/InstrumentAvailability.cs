using SelfDrivingLab.Core.Ids;

namespace SelfDrivingLab.Protocol.Messages;

/// <summary>Retained presence message on an instrument's availability topic; the offline form is its MQTT last will.</summary>
/// <param name="Instrument">The instrument.</param>
/// <param name="State">Online or offline.</param>
/// <param name="At">When the state was published (absent in a last will, whose time is unknown in advance).</param>
/// <param name="Protocol">Protocol version.</param>
public sealed record InstrumentAvailability(
    InstrumentId Instrument,
    AvailabilityState State,
    DateTimeOffset? At,
    string Protocol = ProtocolVersion.Current);
