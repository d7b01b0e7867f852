using SelfDrivingLab.Core.Ids;

namespace SelfDrivingLab.Workflow.Instruments;

/// <summary>An instrument the gateway leases to nobody until an operator returns it to service. Immutable.</summary>
/// <param name="Site">The instrument's site.</param>
/// <param name="Instrument">The instrument.</param>
/// <param name="Since">When it was quarantined.</param>
/// <param name="Reason">Why: the consecutive failures that tripped it, with their errors.</param>
public sealed record QuarantinedInstrument(SiteId Site, InstrumentId Instrument, DateTimeOffset Since, string Reason);
