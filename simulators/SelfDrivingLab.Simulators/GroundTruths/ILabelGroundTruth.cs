using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Simulators;

/// <summary>A hidden truth that is a category (e.g. a crystal phase) rather than a number. Implementations are immutable and thread-safe.</summary>
public interface ILabelGroundTruth
{
    /// <summary>Parameter names read from a command, in order.</summary>
    IReadOnlyList<string> Inputs { get; }

    /// <summary>Name of the result carrying the label.</summary>
    string Output { get; }

    /// <summary>Every label it can answer, in first-seen order.</summary>
    IReadOnlyList<string> Labels { get; }

    /// <summary>One observed label at <paramref name="inputs"/>, drawing from <paramref name="random"/> where replicates disagree.</summary>
    string Classify(ParameterSet inputs, Random random);

    /// <summary>The most frequent label at <paramref name="inputs"/> (first in file order on a tie).</summary>
    string TrueLabel(ParameterSet inputs);
}
