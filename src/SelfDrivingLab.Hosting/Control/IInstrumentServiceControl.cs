using SelfDrivingLab.Protocol.Control;
using SelfDrivingLab.Workflow.Control;

namespace SelfDrivingLab.Hosting.Control;

/// <summary>The operator's view of instruments taken out of service by the circuit breaker.</summary>
public interface IInstrumentServiceControl
{
    /// <summary>Instruments currently quarantined.</summary>
    IReadOnlyList<ControlQuarantinedInstrument> Quarantined { get; }

    /// <summary>Returns the instrument (id, or site/id) to service.</summary>
    OperatorResult ReturnToService(string instrument, string operatorName);
}
