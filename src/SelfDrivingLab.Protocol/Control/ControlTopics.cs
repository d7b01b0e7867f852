using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Protocol.Topics;

namespace SelfDrivingLab.Protocol.Control;

/// <summary>
/// The operator control channel of one site's orchestrator: requests on
/// <c>sdl/v1/control/{site}/request</c>, answers on <c>sdl/v1/control/{site}/response/{request_id}</c>.
/// Restrict both to operators with broker ACLs in production.
/// </summary>
/// <param name="Site">The site whose orchestrator answers.</param>
public sealed record ControlTopics(SiteId Site)
{
    /// <summary>Where requests go.</summary>
    public string Request => $"{InstrumentTopics.Root}/control/{Site}/request";

    /// <summary>Where the answer to <paramref name="requestId"/> comes.</summary>
    public string Response(string requestId) => $"{InstrumentTopics.Root}/control/{Site}/response/{requestId}";
}
