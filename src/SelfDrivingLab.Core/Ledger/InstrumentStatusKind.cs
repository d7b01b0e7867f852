namespace SelfDrivingLab.Core.Ledger;

/// <summary>What happened to an instrument, as stored in the ledger's instrument-level events.</summary>
public enum InstrumentStatusKind
{
    /// <summary>The instrument was taken out of service after repeated failures.</summary>
    Quarantined,

    /// <summary>An operator returned the instrument to service.</summary>
    ReturnedToService,

    /// <summary>An operator admitted the instrument for the capabilities listed in the event's detail.</summary>
    Admitted,

    /// <summary>
    /// The instrument offered a capability a step needed but was not admitted (not registered for the facility, or
    /// announcing capabilities outside what was admitted): it gets no command until an operator admits it.
    /// </summary>
    NotAdmitted,
}
