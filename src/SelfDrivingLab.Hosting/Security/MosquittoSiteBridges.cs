using System.Globalization;
using System.Text;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Protocol.Topics;

namespace SelfDrivingLab.Hosting.Security;

/// <summary>
/// The bridges of a facility across sites, in Mosquitto's terms. The facility's own site (the host's) is the hub: its
/// broker opens one bridge to each other site's broker, as identity <c>bridge-{site}</c>, carrying both sites' topic
/// trees and the facility's control channel both ways at QoS 1, and Mosquitto publishes the bridge's state on
/// <c>sdl/v1/link/{site}/{other}</c> (<see cref="SiteLinkTopics"/>), retained, locally and on the remote broker (there
/// also as the bridge's last will).
/// </summary>
public static class MosquittoSiteBridges
{
    /// <summary>The identity the hub's bridges use on the other sites' brokers.</summary>
    public static string IdentityOf(SiteId hub) => $"bridge-{hub}";

    /// <summary>The bridge sections of the hub's <c>mosquitto.conf</c>.</summary>
    /// <param name="facility">The facility (its site is the hub).</param>
    /// <param name="password">The bridge identity's password.</param>
    /// <param name="caFile">PEM CA of the other sites' server certificates (null: the system's CAs) for sites reached over TLS.</param>
    public static string HubSections(FacilityDefinition facility, string password, string? caFile)
    {
        ArgumentNullException.ThrowIfNull(facility);
        var text = new StringBuilder();
        foreach (var other in facility.OtherSites)
        {
            var link = new SiteLinkTopics(facility.Site, other.Id);
            text.Append(CultureInfo.InvariantCulture, $"\n# The bridge to site {other.Id}.\n");
            text.Append(CultureInfo.InvariantCulture, $"connection sdl-{facility.Site}-to-{other.Id}\n");
            text.Append(CultureInfo.InvariantCulture, $"address {other.Host}:{other.Port}\n");
            text.Append(CultureInfo.InvariantCulture, $"remote_username {IdentityOf(facility.Site)}\n");
            text.Append(CultureInfo.InvariantCulture, $"remote_password {password}\n");
            text.Append(CultureInfo.InvariantCulture, $"remote_clientid sdl-bridge-{facility.Site}-{other.Id}\n");
            text.Append("cleansession false\n");
            text.Append("bridge_protocol_version mqttv311\n");
            text.Append("restart_timeout 1 10\n");
            text.Append("notifications true\n");
            text.Append(CultureInfo.InvariantCulture, $"notification_topic {link.Topic}\n");
            text.Append(CultureInfo.InvariantCulture, $"topic {InstrumentTopics.Root}/{facility.Site}/# both 1\n");
            text.Append(CultureInfo.InvariantCulture, $"topic {InstrumentTopics.Root}/{other.Id}/# both 1\n");
            // The facility's control channel, so operators at any site reach the host that runs a campaign wherever it runs
            // (a standby at another site that took it over).
            text.Append(CultureInfo.InvariantCulture, $"topic {InstrumentTopics.Root}/control/{facility.Site}/# both 1\n");
            if (other.Tls)
            {
                text.Append(caFile is not null
                    ? string.Create(CultureInfo.InvariantCulture, $"bridge_cafile {Path.GetFullPath(caFile)}\n")
                    : "bridge_capath /etc/ssl/certs\n");
            }
        }

        return text.ToString();
    }

    /// <summary>The ACL block of the hub's bridge identity on site <paramref name="other"/>'s broker.</summary>
    public static string AclOnOtherSite(SiteId hub, SiteId other)
    {
        var root = InstrumentTopics.Root;
        return $"\n# the bridge from site {hub}\nuser {IdentityOf(hub)}\n"
            + $"topic readwrite {root}/{hub}/#\ntopic readwrite {root}/{other}/#\ntopic readwrite {root}/control/{hub}/#\n"
            + $"topic readwrite {new SiteLinkTopics(hub, other).Topic}\n";
    }
}
