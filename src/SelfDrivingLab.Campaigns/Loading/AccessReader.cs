using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Security;

namespace SelfDrivingLab.Campaigns.Loading;

/// <summary>
/// Reads a facility file's <c>access:</c> section: <c>identities: [{ name: alice, role: operator }, …]</c>; an instrument
/// identity lists the capabilities it is admitted for (<c>capabilities: [xrd]</c>; <see cref="CampaignValidator"/> requires
/// them unless it is one of the facility's simulators).
/// </summary>
internal static class AccessReader
{
    private static readonly (string Name, BrokerRole Value)[] Roles =
    [
        ("orchestrator", BrokerRole.Orchestrator),
        ("instrument", BrokerRole.Instrument),
        ("operator", BrokerRole.Operator),
        ("observer", BrokerRole.Observer),
    ];

    public static FacilityAccess? Read(YamlMap root)
    {
        if (root.Map("access") is not { } access)
        {
            return null;
        }

        access.CheckKeys("identities");
        var identities = new List<BrokerIdentity>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (node, path) in access.List("identities", required: true) ?? [])
        {
            if (YamlMap.From(node, path, root.Errors) is not { } item)
            {
                continue;
            }

            item.CheckKeys("name", "role", "capabilities");
            var name = item.String("name", required: true);
            var role = item.Choice("role", "role", Roles, required: true);
            var capabilities = item.StringList("capabilities") ?? [];
            if (name is not null && !IdRules.IsValid(name))
            {
                item.Error("name", $"'{name}' is not a valid identity name; use letters, digits, '-', '_' or '.'");
            }
            else if (name is not null && !names.Add(name))
            {
                item.Error("name", $"identity '{name}' is declared twice");
            }
            else if (name is not null && role is { } r)
            {
                identities.Add(new BrokerIdentity(name, r) { Capabilities = capabilities });
            }
        }

        if (identities.Count > 0 && !identities.Any(i => i.Role == BrokerRole.Orchestrator))
        {
            access.Error("identities", "no identity has the role orchestrator; the host needs one");
        }

        return new FacilityAccess(identities);
    }
}
