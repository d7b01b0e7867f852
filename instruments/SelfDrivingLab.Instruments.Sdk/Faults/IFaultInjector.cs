using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Instruments.Sdk;

/// <summary>
/// Chooses faults to inject into commands, for testing how an orchestrator copes. The host asks once
/// per new command that passed every check, in arrival order, so a seeded injector repeats exactly.
/// Repeated command ids are never asked about: deduplication stays authoritative, and no fault makes
/// an action run twice. Implementations must be thread-safe.
/// </summary>
public interface IFaultInjector
{
    /// <summary>The fault (if any) for <paramref name="command"/>.</summary>
    FaultDecision Decide(InstrumentCommand command);
}
