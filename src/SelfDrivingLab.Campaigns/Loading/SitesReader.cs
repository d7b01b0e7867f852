using System.Globalization;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;

namespace SelfDrivingLab.Campaigns.Loading;

/// <summary>
/// Reads a facility's <c>sites:</c>: its other sites, each <c>{ id: lab-b, broker: mqtts://host:8883 }</c> (scheme
/// <c>mqtt://</c> or <c>mqtts://</c>, or plain <c>host:port</c>). Ids are unique and differ from the facility's own site.
/// </summary>
internal static class SitesReader
{
    public static IReadOnlyList<FacilitySite> Read(YamlMap root, SiteId? localSite)
    {
        var sites = new List<FacilitySite>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (node, path) in root.List("sites") ?? [])
        {
            if (YamlMap.From(node, path, root.Errors) is not { } item)
            {
                continue;
            }

            item.CheckKeys("id", "broker");
            var id = item.String("id", required: true);
            var broker = item.String("broker", required: true);
            if (id is null || broker is null)
            {
                continue;
            }

            if (!IdRules.IsValid(id))
            {
                item.Error("id", $"'{id}' is not a valid site id; use letters, digits, '-', '_' or '.'");
                continue;
            }

            if (localSite is { } local && id == local.Value)
            {
                item.Error("id", $"'{id}' is this facility's own site (site:); list only the other sites");
                continue;
            }

            if (!seen.Add(id))
            {
                item.Error("id", $"site '{id}' is listed twice");
                continue;
            }

            if (ParseBroker(broker) is not { } address)
            {
                item.Error("broker", $"'{broker}' is not a broker address; use mqtt://host:port, mqtts://host:port or host:port");
                continue;
            }

            sites.Add(new FacilitySite(new SiteId(id), address.Host, address.Port, address.Tls));
        }

        return sites;
    }

    private static (string Host, int Port, bool Tls)? ParseBroker(string text)
    {
        var tls = text.StartsWith("mqtts://", StringComparison.OrdinalIgnoreCase);
        var rest = tls ? text["mqtts://".Length..] : text.StartsWith("mqtt://", StringComparison.OrdinalIgnoreCase) ? text["mqtt://".Length..] : text;
        var colon = rest.LastIndexOf(':');
        if (colon <= 0 || rest.Contains('/', StringComparison.Ordinal)
            || !int.TryParse(rest[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return null;
        }

        return (rest[..colon], port, tls);
    }
}
