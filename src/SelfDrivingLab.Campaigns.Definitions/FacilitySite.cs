using SelfDrivingLab.Core.Ids;

namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>
/// Another site of the facility, with its own broker, joined to this site's broker by a bridge (facility file
/// <c>sites:</c>). Immutable.
/// </summary>
/// <param name="Id">The site.</param>
/// <param name="Host">Its broker's host name or address.</param>
/// <param name="Port">Its broker's port.</param>
/// <param name="Tls">True when its broker is reached over TLS (<c>mqtts://</c>).</param>
public sealed record FacilitySite(SiteId Id, string Host, int Port, bool Tls);
