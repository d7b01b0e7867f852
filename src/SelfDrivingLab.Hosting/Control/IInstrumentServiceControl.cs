using SelfDrivingLab.Protocol.Control;
using SelfDrivingLab.Workflow.Control;

namespace SelfDrivingLab.Hosting.Control;

/// <summary>The operator's view of instruments taken out of service by the circuit breaker or not (yet) admitted.</summary>
public interface IInstrumentServiceControl
{
    /// <summary>Instruments currently quarantined.</summary>
    IReadOnlyList<ControlQuarantinedInstrument> Quarantined { get; }

    /// <summary>Instruments passed over because they are not admitted.</summary>
    IReadOnlyList<ControlInstrumentAwaitingAdmission> AwaitingAdmission { get; }

    /// <summary>Returns the instrument (id, or site/id) to service.</summary>
    OperatorResult ReturnToService(string instrument, string operatorName);

    /// <summary>Admits the instrument for the capabilities it announces now.</summary>
    OperatorResult Admit(string instrument, string operatorName);
}
