using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Simulators;

/// <summary>One distinct input combination of a table and its replicate measurements. Immutable.</summary>
/// <param name="Inputs">The input values, by input name.</param>
/// <param name="Replicates">Every measured value for these inputs, in file order.</param>
public sealed record TableCandidate(ParameterSet Inputs, IReadOnlyList<double> Replicates)
{
    /// <summary>The true value: the replicates' mean.</summary>
    public double Mean { get; } = Replicates.Average();
}
