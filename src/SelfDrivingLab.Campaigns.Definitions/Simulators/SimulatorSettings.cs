namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>Settings that only one simulator type has (see <see cref="SimulatedInstrumentDefinition.Settings"/>).</summary>
public abstract record SimulatorSettings;

/// <summary>
/// A liquid handler dispensing named stock solutions into a new vial: its action takes the volume of
/// each stock in µL as parameter <c>{stock}_ul</c> and returns <c>sample_id</c>, <c>total_ul</c> and
/// each stock's volume fraction as <c>{stock}_fraction</c>.
/// </summary>
/// <param name="Stocks">Stock solution names (letters, digits, '_').</param>
/// <param name="CapacityMicroliters">Vial capacity: a total above it fails with <c>over_capacity</c>.</param>
/// <param name="MaxVolumeMicroliters">Largest volume of one stock per command (announced limit).</param>
public sealed record LiquidHandlerSettings(IReadOnlyList<string> Stocks, double CapacityMicroliters, double MaxVolumeMicroliters) : SimulatorSettings;

/// <summary>
/// A furnace annealing at <c>temperature_c</c> for <c>duration_min</c> under an <c>atmosphere</c>. One
/// anneal lasts the ramp from room temperature at <paramref name="RampCelsiusPerMinute"/>, the dwell,
/// and the definition's duration distribution as overhead (loading, purging, cooling).
/// </summary>
/// <param name="MinTemperatureC">Lowest set point, °C (default 25).</param>
/// <param name="MaxTemperatureC">Highest set point, °C (default 1200).</param>
/// <param name="MinDurationMinutes">Shortest dwell, minutes (default 1).</param>
/// <param name="MaxDurationMinutes">Longest dwell, minutes (default 600).</param>
/// <param name="Atmospheres">Gases offered (default air, argon, nitrogen); the first is used when a command gives none.</param>
/// <param name="RampCelsiusPerMinute">Heating rate (default 10 °C/min).</param>
public sealed record FurnaceSettings(
    double MinTemperatureC,
    double MaxTemperatureC,
    double MinDurationMinutes,
    double MaxDurationMinutes,
    IReadOnlyList<string> Atmospheres,
    double RampCelsiusPerMinute) : SimulatorSettings
{
    /// <summary>25-1200 °C, 1-600 min, air/argon/nitrogen, 10 °C/min.</summary>
    public static FurnaceSettings Default { get; } = new(25, 1200, 1, 600, ["air", "argon", "nitrogen"], 10);
}

/// <summary>An XRD's second result: a numeric ground truth for the crystallinity, clamped to [0, 1].</summary>
/// <param name="Crystallinity">Where the crystallinity comes from (its <c>output</c> names the result).</param>
public sealed record XrdSettings(GroundTruthDefinition Crystallinity) : SimulatorSettings;
