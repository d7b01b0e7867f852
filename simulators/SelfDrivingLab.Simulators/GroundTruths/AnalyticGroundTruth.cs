using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Simulators;

/// <summary>A ground truth computed by one of <see cref="AnalyticFunctions"/>, plus Gaussian noise. Immutable and thread-safe.</summary>
public sealed class AnalyticGroundTruth : IGroundTruth
{
    private readonly double _noise;

    /// <summary>Creates the ground truth, checking the function name and its number of inputs.</summary>
    public AnalyticGroundTruth(AnalyticGroundTruthDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Function = AnalyticFunctions.Normalize(definition.Function);
        if ((AnalyticFunctions.Dimension(Function) is { } d && definition.Inputs.Count != d) || definition.Inputs.Count == 0)
        {
            throw new ArgumentException(
                $"Analytic function '{Function}' takes {AnalyticFunctions.Dimension(Function)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "at least 1"} input(s); {definition.Inputs.Count} were given.",
                nameof(definition));
        }

        Inputs = [.. definition.Inputs];
        Output = definition.Output;
        _noise = definition.NoiseStandardDeviation;
    }

    /// <summary>The canonical function name.</summary>
    public string Function { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Inputs { get; }

    /// <inheritdoc />
    public string Output { get; }

    /// <inheritdoc />
    public double Measure(ParameterSet inputs, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Gaussian.AddNoise(TrueValue(inputs), _noise, random);
    }

    /// <inheritdoc />
    public double TrueValue(ParameterSet inputs) => AnalyticFunctions.Evaluate(Function, InputReader.Read(Inputs, inputs));
}
