using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Security;
using SelfDrivingLab.Workflow.Instruments;

namespace SelfDrivingLab.Hosting.Security;

/// <summary>The instruments a facility registers, each with the capabilities it is admitted for.</summary>
internal static class FacilityAdmission
{
    /// <summary>
    /// Every simulator (for its capability) and every instrument identity of the <c>access:</c> section (for its listed
    /// capabilities, plus its simulator's when it is one), all at the facility's site.
    /// </summary>
    public static IReadOnlyCollection<AdmittedInstrument> Of(FacilityDefinition facility)
    {
        ArgumentNullException.ThrowIfNull(facility);
        var admitted = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var simulator in facility.Simulators)
        {
            Capabilities(admitted, simulator.Id.Value).Add(simulator.Capability);
        }

        foreach (var identity in facility.Access?.Identities.Where(i => i.Role == BrokerRole.Instrument) ?? [])
        {
            Capabilities(admitted, identity.Name).UnionWith(identity.Capabilities);
        }

        return [.. admitted.Select(kv => new AdmittedInstrument(facility.Site, new InstrumentId(kv.Key), kv.Value))];
    }

    private static HashSet<string> Capabilities(Dictionary<string, HashSet<string>> admitted, string instrument) =>
        admitted.TryGetValue(instrument, out var set) ? set : admitted[instrument] = new HashSet<string>(StringComparer.Ordinal);
}
