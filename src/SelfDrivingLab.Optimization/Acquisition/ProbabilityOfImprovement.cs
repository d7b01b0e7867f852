namespace SelfDrivingLab.Optimization.Acquisition;

/// <summary>
/// Probability of improvement P(S &gt; best + ξ) = Φ((μ - best - ξ)/σ); with σ = 0 it is 1 when μ &gt; best + ξ, else 0.
/// Immutable.
/// </summary>
/// <param name="xi">Improvement margin ξ ≥ 0, in score units (default 0).</param>
public sealed class ProbabilityOfImprovement(double xi = 0) : IAcquisitionFunction
{
    /// <summary>The improvement margin.</summary>
    public double Xi { get; } = xi >= 0 && double.IsFinite(xi) ? xi : throw new ArgumentOutOfRangeException(nameof(xi), xi, "ξ must be a finite number ≥ 0.");

    /// <inheritdoc />
    public string Name => "pi";

    /// <inheritdoc />
    public bool ComparesMeasurements => true;

    /// <inheritdoc />
    public double Evaluate(double mean, double standardDeviation, double bestScore)
    {
        var gain = mean - bestScore - Xi;
        return standardDeviation > 1e-300 ? StandardNormal.Cdf(gain / standardDeviation) : (gain > 0 ? 1 : 0);
    }

    /// <inheritdoc />
    public double RankingValue(double mean, double standardDeviation, double bestScore)
    {
        var gain = mean - bestScore - Xi;
        return standardDeviation > 1e-300 ? StandardNormal.LogCdf(gain / standardDeviation) : (gain > 0 ? 0 : double.NegativeInfinity);
    }
}
