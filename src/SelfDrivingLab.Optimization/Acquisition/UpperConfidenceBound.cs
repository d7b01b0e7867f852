namespace SelfDrivingLab.Optimization.Acquisition;

/// <summary>Upper confidence bound μ + β·σ (the best score so far is not used). Immutable.</summary>
/// <param name="beta">Exploration weight β ≥ 0 (default 2).</param>
public sealed class UpperConfidenceBound(double beta = 2) : IAcquisitionFunction
{
    /// <summary>The exploration weight.</summary>
    public double Beta { get; } = beta >= 0 && double.IsFinite(beta) ? beta : throw new ArgumentOutOfRangeException(nameof(beta), beta, "β must be a finite number ≥ 0.");

    /// <inheritdoc />
    public string Name => "ucb";

    /// <inheritdoc />
    public double Evaluate(double mean, double standardDeviation, double bestScore) => mean + (Beta * standardDeviation);
}
