using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Protocol.Topics;

namespace SelfDrivingLab.Protocol.Directory;

/// <summary>What the directory knows about one instrument. Immutable.</summary>
/// <param name="Topics">The instrument's topics (site and id).</param>
/// <param name="State">Its latest availability; <see cref="AvailabilityState.Offline"/> until it announces itself.</param>
/// <param name="Capabilities">Its latest capabilities, if announced.</param>
public sealed record InstrumentInfo(InstrumentTopics Topics, AvailabilityState State, InstrumentCapabilities? Capabilities)
{
    /// <summary>True when it is online and offers an action named <paramref name="capability"/>.</summary>
    public bool Offers(string capability) =>
        State == AvailabilityState.Online && Capabilities is { } c && c.Capabilities.Any(d => string.Equals(d.Name, capability, StringComparison.Ordinal));
}
