using SelfDrivingLab.Core.Ids;

namespace SelfDrivingLab.Protocol.Topics;

/// <summary>
/// The retained state of the bridge from site <paramref name="From"/>'s broker to site <paramref name="To"/>'s:
/// <c>sdl/v1/link/{from}/{to}</c>, payload <c>1</c> (connected) or <c>0</c> (disconnected). Mosquitto publishes it
/// itself as the bridge's <c>notification_topic</c> (and as its last will on the remote broker);
/// <c>sdl facility broker-config</c> writes that setting. Like <c>control</c>, the segment <c>link</c> is reserved.
/// </summary>
/// <param name="From">The site whose broker opens the bridge.</param>
/// <param name="To">The site it connects to.</param>
public sealed record SiteLinkTopics(SiteId From, SiteId To)
{
    /// <summary>The reserved segment after the protocol root.</summary>
    public const string Segment = "link";

    /// <summary>Every link's state.</summary>
    public static string All => $"{InstrumentTopics.Root}/{Segment}/+/+";

    /// <summary>This link's topic.</summary>
    public string Topic => $"{InstrumentTopics.Root}/{Segment}/{From}/{To}";

    /// <summary>Parses <c>sdl/v1/link/{from}/{to}</c>; false for any other shape or invalid site ids.</summary>
    public static bool TryParse(string topic, out SiteLinkTopics? link)
    {
        link = null;
        var prefix = $"{InstrumentTopics.Root}/{Segment}/";
        if (!topic.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = topic[prefix.Length..].Split('/');
        if (parts is not [var from, var to] || !IdRules.IsValid(from) || !IdRules.IsValid(to))
        {
            return false;
        }

        link = new SiteLinkTopics(new SiteId(from), new SiteId(to));
        return true;
    }
}
