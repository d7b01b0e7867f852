namespace SelfDrivingLab.Instruments.Sdk;

/// <summary>A fault an <see cref="IFaultInjector"/> injects into one command (written <c>snake_case</c> in the execution log).</summary>
public enum InjectedFault
{
    /// <summary>Answer <c>rejected</c> with error <c>simulated_rejection</c> instead of running.</summary>
    Reject,

    /// <summary>Run the action, then answer <c>failed</c> with error <c>simulated_failure</c>.</summary>
    Fail,

    /// <summary>Accept and never answer: only an abort (or the host stopping) ends the command.</summary>
    Hang,

    /// <summary>Drop the bus connection abruptly while the action runs (the broker publishes the last will).</summary>
    Disconnect,

    /// <summary>Publish the final event twice.</summary>
    Duplicate,

    /// <summary>Publish the final event only after <see cref="FaultDecision.Delay"/>.</summary>
    Late,
}
