using SelfDrivingLab.Core.Ids;

namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>An instrument the host starts as a software simulator for this campaign.</summary>
/// <param name="Id">Instrument id, unique at the site.</param>
/// <param name="Type">Simulator type: <c>synthesis</c> (makes a sample, returns <c>sample_id</c>), <c>characterization</c> (measures from <paramref name="GroundTruth"/>), <c>liquid-handler</c>, <c>furnace</c>, <c>uv-vis</c> or <c>xrd</c>.</param>
/// <param name="Capability">The action name it offers.</param>
/// <param name="Duration">How long one action takes, on the injected clock.</param>
/// <param name="FailureRate">Probability in [0, 1) that an action fails.</param>
/// <param name="GroundTruth">Where measured values come from (characterization, uv-vis, xrd).</param>
/// <param name="Parameters">Parameter names the action takes (their limits are announced from the search space).</param>
public sealed record SimulatedInstrumentDefinition(
    InstrumentId Id,
    string Type,
    string Capability,
    DurationDistribution Duration,
    double FailureRate,
    GroundTruthDefinition? GroundTruth,
    IReadOnlyList<string> Parameters)
{
    private readonly bool? _idempotent;

    /// <summary>Faults injected into its commands (default none).</summary>
    public FaultDefinition Faults { get; init; } = FaultDefinition.None;

    /// <summary>
    /// The site the instrument stands at (YAML <c>site:</c>; default null: the facility's own site). In a run it connects
    /// to that site's broker (the facility's <c>sites:</c>), so a campaign hosted at one site uses instruments at another.
    /// </summary>
    public SiteId? Site { get; init; }

    /// <summary>Type-specific settings (<see cref="LiquidHandlerSettings"/>, <see cref="FurnaceSettings"/>, <see cref="XrdSettings"/>), or null.</summary>
    public SimulatorSettings? Settings { get; init; }

    /// <summary>
    /// Whether the simulator announces its action as idempotent (safe to send again), which a step's
    /// <c>retry</c> requires. Defaults to the type's natural value: measurements (characterization,
    /// uv-vis, xrd) are idempotent; making, dispensing and annealing a sample are not.
    /// </summary>
    public bool Idempotent
    {
        get => _idempotent ?? IsNaturallyIdempotent(Type);
        init => _idempotent = value;
    }

    /// <summary>True for simulator types that only measure a sample (characterization, uv-vis, xrd).</summary>
    public static bool IsNaturallyIdempotent(string type) => type is "characterization" or "uv-vis" or "xrd";
}
