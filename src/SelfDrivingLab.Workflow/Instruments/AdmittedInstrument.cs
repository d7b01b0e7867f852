using SelfDrivingLab.Core.Ids;

namespace SelfDrivingLab.Workflow.Instruments;

/// <summary>An instrument registered for the facility and the capabilities it is admitted to offer. Immutable.</summary>
/// <param name="Site">The instrument's site.</param>
/// <param name="Instrument">The instrument.</param>
/// <param name="Capabilities">The capability names it may announce; announcing any other keeps it out of service until an operator admits it again.</param>
public sealed record AdmittedInstrument(SiteId Site, InstrumentId Instrument, IReadOnlySet<string> Capabilities);
