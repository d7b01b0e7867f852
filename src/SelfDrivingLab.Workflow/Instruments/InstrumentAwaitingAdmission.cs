using SelfDrivingLab.Core.Ids;

namespace SelfDrivingLab.Workflow.Instruments;

/// <summary>An instrument that offered a needed capability but is not admitted. Immutable.</summary>
/// <param name="Site">The instrument's site.</param>
/// <param name="Instrument">The instrument.</param>
/// <param name="Announced">The capabilities it announces.</param>
/// <param name="Reason">Why it is not admitted.</param>
/// <param name="Since">When it was first refused.</param>
public sealed record InstrumentAwaitingAdmission(SiteId Site, InstrumentId Instrument, IReadOnlyList<string> Announced, string Reason, DateTimeOffset Since);
