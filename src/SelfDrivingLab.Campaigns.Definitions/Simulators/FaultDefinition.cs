namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>
/// Faults a simulated instrument injects, as probabilities per accepted command. The faults exclude
/// each other (at most one per command), so the rates add up to at most 1. Immutable.
/// </summary>
/// <param name="Reject">Answer <c>rejected</c> with error <c>simulated_rejection</c> instead of running.</param>
/// <param name="Fail">Run the action, then answer <c>failed</c> with error <c>simulated_failure</c>.</param>
/// <param name="Hang">Accept and never answer (until an abort or the instrument stops).</param>
/// <param name="Disconnect">Drop the bus connection abruptly while the action runs.</param>
/// <param name="Duplicate">Publish the final event twice.</param>
/// <param name="Late">Publish the final event only after an extra <paramref name="LateDelay"/>.</param>
/// <param name="LateDelay">The extra delay of a late result (required when <paramref name="Late"/> is above 0).</param>
public sealed record FaultDefinition(
    double Reject = 0,
    double Fail = 0,
    double Hang = 0,
    double Disconnect = 0,
    double Duplicate = 0,
    double Late = 0,
    DurationDistribution? LateDelay = null)
{
    /// <summary>No faults.</summary>
    public static FaultDefinition None { get; } = new();

    /// <summary>The probability that a command gets any fault.</summary>
    public double Total => Reject + Fail + Hang + Disconnect + Duplicate + Late;

    /// <summary>True when some fault has a non-zero rate.</summary>
    public bool Any => Total > 0;
}
