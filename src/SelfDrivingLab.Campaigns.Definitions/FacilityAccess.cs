using SelfDrivingLab.Core.Security;

namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>
/// Who may use a facility's broker (the facility file's <c>access:</c> section): identities with roles. The facility's
/// simulated instruments are instrument identities whether listed or not; an instrument identity's name is its
/// instrument id. Both the embedded broker and the generated Mosquitto files enforce it. Immutable.
/// </summary>
/// <param name="Identities">The identities declared in the file.</param>
public sealed record FacilityAccess(IReadOnlyList<BrokerIdentity> Identities)
{
    /// <summary>The orchestrator's identity when the file declares none.</summary>
    public const string DefaultOrchestrator = "orchestrator";

    /// <summary>The operator identity of a local run when the file declares none (what <c>sdl control</c> uses).</summary>
    public const string DefaultOperator = "operator";

    /// <summary>
    /// Every identity of <paramref name="facility"/>: those of its <c>access:</c> section (or, without one, an
    /// orchestrator and an operator of the default names), then each simulated instrument not listed.
    /// </summary>
    public static IReadOnlyList<BrokerIdentity> Of(FacilityDefinition facility)
    {
        ArgumentNullException.ThrowIfNull(facility);
        var declared = facility.Access?.Identities
            ?? [new BrokerIdentity(DefaultOrchestrator, BrokerRole.Orchestrator), new BrokerIdentity(DefaultOperator, BrokerRole.Operator)];
        var names = declared.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        return [.. declared, .. facility.Simulators.Where(s => !names.Contains(s.Id.Value)).Select(s => new BrokerIdentity(s.Id.Value, BrokerRole.Instrument))];
    }
}
