using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Protocol.Topics;

namespace SelfDrivingLab.Protocol.Control;

/// <summary>
/// The operator control channel of one site's orchestrator: each operator sends requests on its own topic
/// <c>sdl/v1/control/{site}/request/{identity}</c> (the broker lets an identity publish only on its own, so the last
/// level is the authenticated sender), answers come on <c>sdl/v1/control/{site}/response/{request_id}</c>.
/// </summary>
/// <param name="Site">The site whose orchestrator answers.</param>
public sealed record ControlTopics(SiteId Site)
{
    /// <summary>Every operator's requests (what the orchestrator subscribes to).</summary>
    public string RequestFilter => $"{InstrumentTopics.Root}/control/{Site}/request/+";

    /// <summary>Where the identity <paramref name="identity"/> sends its requests.</summary>
    public string RequestFrom(string identity) => $"{InstrumentTopics.Root}/control/{Site}/request/{identity}";

    /// <summary>Where the answer to <paramref name="requestId"/> comes.</summary>
    public string Response(string requestId) => $"{InstrumentTopics.Root}/control/{Site}/response/{requestId}";

    /// <summary>The sending identity of a request topic (its last level), or null when <paramref name="topic"/> is not one.</summary>
    public string? RequesterOf(string topic)
    {
        var prefix = $"{InstrumentTopics.Root}/control/{Site}/request/";
        if (!topic.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var identity = topic[prefix.Length..];
        return IdRules.IsValid(identity) ? identity : null;
    }
}
