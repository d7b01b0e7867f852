using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Simulators;

/// <summary>The hidden truth a simulated characterization instrument measures. Implementations are immutable and thread-safe.</summary>
public interface IGroundTruth
{
    /// <summary>Parameter names read from a command, in order.</summary>
    IReadOnlyList<string> Inputs { get; }

    /// <summary>Name of the measured result.</summary>
    string Output { get; }

    /// <summary>One noisy measurement at <paramref name="inputs"/>, drawing noise from <paramref name="random"/>.</summary>
    double Measure(ParameterSet inputs, Random random);

    /// <summary>The noise-free value at <paramref name="inputs"/>, for judging a campaign's result.</summary>
    double TrueValue(ParameterSet inputs);
}
