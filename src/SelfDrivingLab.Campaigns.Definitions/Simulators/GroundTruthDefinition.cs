namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>Where a simulated characterization instrument's measurements come from.</summary>
/// <param name="Inputs">Command parameters that are the ground truth's inputs, in order.</param>
/// <param name="Output">Name of the measured result.</param>
/// <param name="NoiseStandardDeviation">Gaussian noise added to each measurement (0 for none).</param>
public abstract record GroundTruthDefinition(IReadOnlyList<string> Inputs, string Output, double NoiseStandardDeviation);

/// <summary>
/// A lookup table (CSV): a measurement returns the nearest row's value (inputs scaled to their
/// ranges); with <paramref name="Replicates"/>, a random one of that input's replicate rows,
/// otherwise their mean.
/// </summary>
/// <param name="Path">Full path of the CSV file.</param>
/// <param name="Inputs">Input columns, matched to command parameters of the same name.</param>
/// <param name="Output">Output column.</param>
/// <param name="NoiseStandardDeviation">Extra Gaussian noise.</param>
/// <param name="Replicates">Whether to answer with a random replicate (real measurement noise).</param>
public sealed record TableGroundTruthDefinition(
    string Path,
    IReadOnlyList<string> Inputs,
    string Output,
    double NoiseStandardDeviation,
    bool Replicates) : GroundTruthDefinition(Inputs, Output, NoiseStandardDeviation)
{
    /// <summary>
    /// Whether the output column holds text labels (e.g. a phase name) answered by nearest neighbour,
    /// instead of numbers (default false).
    /// </summary>
    public bool TextOutput { get; init; }

    /// <summary>
    /// Whether the single input column holds text keys (e.g. a chemical formula) that a command's parameter must match
    /// exactly, instead of numbers matched to the nearest row (default false). Campaign files say <c>match: exact</c>.
    /// </summary>
    public bool ExactTextMatch { get; init; }
}

/// <summary>A named analytic test function (e.g. <c>branin</c>, <c>hartmann3</c>, <c>hartmann6</c>, <c>ackley</c>).</summary>
/// <param name="Function">Function name.</param>
/// <param name="Inputs">Command parameters passed as the function's arguments, in order.</param>
/// <param name="Output">Name of the measured result.</param>
/// <param name="NoiseStandardDeviation">Gaussian noise.</param>
public sealed record AnalyticGroundTruthDefinition(
    string Function,
    IReadOnlyList<string> Inputs,
    string Output,
    double NoiseStandardDeviation) : GroundTruthDefinition(Inputs, Output, NoiseStandardDeviation);
