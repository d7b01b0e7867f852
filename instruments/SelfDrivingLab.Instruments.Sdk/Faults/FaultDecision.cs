namespace SelfDrivingLab.Instruments.Sdk;

/// <summary>What an <see cref="IFaultInjector"/> decided for one command. Immutable.</summary>
/// <param name="Fault">The fault to inject, or null for none.</param>
/// <param name="Delay">The extra delay of a <see cref="InjectedFault.Late"/> result (otherwise zero).</param>
public readonly record struct FaultDecision(InjectedFault? Fault, TimeSpan Delay = default)
{
    /// <summary>No fault.</summary>
    public static FaultDecision None => default;
}
