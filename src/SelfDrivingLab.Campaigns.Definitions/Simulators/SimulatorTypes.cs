namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>The simulator types a campaign may declare (<see cref="SimulatedInstrumentDefinition.Type"/>). Thread-safe (constants).</summary>
public static class SimulatorTypes
{
    /// <summary>Makes a sample; returns <see cref="SampleIdOutput"/>.</summary>
    public const string Synthesis = "synthesis";

    /// <summary>Measures a ground truth; returns its output.</summary>
    public const string Characterization = "characterization";

    /// <summary>Dispenses stock solutions (<see cref="LiquidHandlerSettings"/>).</summary>
    public const string LiquidHandler = "liquid-handler";

    /// <summary>Anneals a sample (<see cref="FurnaceSettings"/>).</summary>
    public const string Furnace = "furnace";

    /// <summary>A characterization measuring a band gap.</summary>
    public const string UvVis = "uv-vis";

    /// <summary>Reports a phase label from a table (and optionally a crystallinity, <see cref="XrdSettings"/>).</summary>
    public const string Xrd = "xrd";

    /// <summary>What a synthesis simulator returns.</summary>
    public const string SampleIdOutput = "sample_id";

    /// <summary>Every type, in the order error messages list them.</summary>
    public static IReadOnlyList<string> All { get; } = [Synthesis, Characterization, LiquidHandler, Furnace, UvVis, Xrd];

    /// <summary>The types that measure a ground truth (and so need one).</summary>
    public static IReadOnlyList<string> Measuring { get; } = [Characterization, UvVis, Xrd];
}
