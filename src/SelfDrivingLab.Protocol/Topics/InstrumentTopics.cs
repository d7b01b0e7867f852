using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Protocol.Topics;

/// <summary>
/// The topics of one instrument: <c>sdl/v1/{site}/{instrument}/{command|event|availability|capabilities}</c>.
/// Ids are restricted by <see cref="IdRules"/>, so they never contain MQTT wildcards or separators.
/// </summary>
/// <param name="Site">The site (lab) the instrument belongs to.</param>
/// <param name="Instrument">The instrument.</param>
public sealed record InstrumentTopics(SiteId Site, InstrumentId Instrument)
{
    /// <summary>Prefix shared by every topic of this protocol version.</summary>
    public const string Root = ProtocolVersion.Current;

    /// <summary>Orchestrator → instrument commands.</summary>
    public string Command => $"{Root}/{Site}/{Instrument}/command";

    /// <summary>Instrument → orchestrator events.</summary>
    public string Event => $"{Root}/{Site}/{Instrument}/event";

    /// <summary>Retained online/offline (last will).</summary>
    public string Availability => $"{Root}/{Site}/{Instrument}/availability";

    /// <summary>Retained capabilities.</summary>
    public string Capabilities => $"{Root}/{Site}/{Instrument}/capabilities";

    /// <summary>Every instrument's events at every site.</summary>
    public static string AllEvents => $"{Root}/+/+/event";

    /// <summary>Every instrument's availability at every site.</summary>
    public static string AllAvailability => $"{Root}/+/+/availability";

    /// <summary>Every instrument's capabilities at every site.</summary>
    public static string AllCapabilities => $"{Root}/+/+/capabilities";

    /// <summary>Parses <c>sdl/v1/{site}/{instrument}/{leaf}</c>; false for any other shape or invalid ids.</summary>
    public static bool TryParse(string topic, out InstrumentTopics? topics, out string leaf)
    {
        topics = null;
        leaf = string.Empty;
        if (!topic.StartsWith(Root + "/", StringComparison.Ordinal))
        {
            return false;
        }

        var parts = topic[(Root.Length + 1)..].Split('/');
        if (parts.Length != 3 || !IdRules.IsValid(parts[0]) || !IdRules.IsValid(parts[1]))
        {
            return false;
        }

        topics = new InstrumentTopics(new SiteId(parts[0]), new InstrumentId(parts[1]));
        leaf = parts[2];
        return true;
    }
}
