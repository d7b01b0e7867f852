using SelfDrivingLab.Core.Ids;

namespace SelfDrivingLab.Core.Ledger;

/// <summary>An instrument-level event: the instrument was quarantined, or an operator returned it to service. Immutable.</summary>
/// <param name="Site">The instrument's site.</param>
/// <param name="Instrument">The instrument.</param>
/// <param name="Kind"><see cref="QuarantinedKind"/> or <see cref="ReturnedToServiceKind"/>.</param>
/// <param name="At">When it happened.</param>
/// <param name="Actor">Who did it: <c>orchestrator</c> for an automatic quarantine, the operator's name for a return to service.</param>
/// <param name="Detail">Why (e.g. the last errors of the failures that tripped the quarantine).</param>
public sealed record InstrumentStatusRecord(SiteId Site, InstrumentId Instrument, string Kind, DateTimeOffset At, string Actor, string Detail)
{
    /// <summary>The instrument was taken out of service after repeated failures.</summary>
    public const string QuarantinedKind = "quarantined";

    /// <summary>An operator returned the instrument to service.</summary>
    public const string ReturnedToServiceKind = "returned_to_service";
}
