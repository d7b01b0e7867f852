using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Security;
using SelfDrivingLab.Workflow.Instruments;

namespace SelfDrivingLab.Hosting.Security;

/// <summary>The instruments a facility registers, each with the capabilities it is admitted for.</summary>
internal static class FacilityAdmission
{
    /// <summary>
    /// Every simulator (for its capability) at its own site (its <c>site:</c>, else the facility's), and every instrument
    /// identity of the <c>access:</c> section (for its listed capabilities, plus its simulator's when it is one) at every
    /// site of the facility: an identity is one on every site's broker (sdl facility broker-config), so a real instrument
    /// may stand at any of them.
    /// </summary>
    public static IReadOnlyCollection<AdmittedInstrument> Of(FacilityDefinition facility)
    {
        ArgumentNullException.ThrowIfNull(facility);
        var admitted = new Dictionary<(SiteId, string), HashSet<string>>();
        foreach (var simulator in facility.Simulators)
        {
            Capabilities(admitted, simulator.Site ?? facility.Site, simulator.Id.Value).Add(simulator.Capability);
        }

        var sites = facility.OtherSites.Select(s => s.Id).Prepend(facility.Site).ToList();
        foreach (var identity in facility.Access?.Identities.Where(i => i.Role == BrokerRole.Instrument) ?? [])
        {
            var simulated = facility.Simulators.FirstOrDefault(s => s.Id.Value == identity.Name);
            foreach (var site in simulated is null ? sites : [simulated.Site ?? facility.Site])
            {
                Capabilities(admitted, site, identity.Name).UnionWith(identity.Capabilities);
            }
        }

        return [.. admitted.Select(kv => new AdmittedInstrument(kv.Key.Item1, new InstrumentId(kv.Key.Item2), kv.Value))];
    }

    private static HashSet<string> Capabilities(Dictionary<(SiteId, string), HashSet<string>> admitted, SiteId site, string instrument) =>
        admitted.TryGetValue((site, instrument), out var set) ? set : admitted[(site, instrument)] = new HashSet<string>(StringComparer.Ordinal);
}
