namespace SelfDrivingLab.Optimization.Acquisition;

/// <summary>
/// Expected improvement E[max(S - best - ξ, 0)] for S ~ N(μ, σ²): σ·(zΦ(z) + φ(z)) with z = (μ - best - ξ)/σ.
/// Stable in the far tail (tiny but positive, never NaN); with σ = 0 it is max(μ - best - ξ, 0). Immutable.
/// </summary>
/// <param name="xi">Improvement margin ξ ≥ 0, in score units (default 0).</param>
public sealed class ExpectedImprovement(double xi = 0) : IAcquisitionFunction
{
    /// <summary>The improvement margin.</summary>
    public double Xi { get; } = xi >= 0 && double.IsFinite(xi) ? xi : throw new ArgumentOutOfRangeException(nameof(xi), xi, "ξ must be a finite number ≥ 0.");

    /// <inheritdoc />
    public string Name => "ei";

    /// <inheritdoc />
    public bool ComparesMeasurements => true;

    /// <inheritdoc />
    public double Evaluate(double mean, double standardDeviation, double bestScore)
    {
        var gain = mean - bestScore - Xi;
        if (!(standardDeviation > 1e-300))
        {
            return Math.Max(gain, 0);
        }

        return Math.Exp(LogValue(gain, standardDeviation));
    }

    /// <summary>log EI; -∞ only when σ = 0 and there is no improvement.</summary>
    public double LogEvaluate(double mean, double standardDeviation, double bestScore)
    {
        var gain = mean - bestScore - Xi;
        return standardDeviation > 1e-300 ? LogValue(gain, standardDeviation) : Math.Log(Math.Max(gain, 0));
    }

    /// <inheritdoc />
    public double RankingValue(double mean, double standardDeviation, double bestScore) => LogEvaluate(mean, standardDeviation, bestScore);

    private static double LogValue(double gain, double standardDeviation) =>
        Math.Log(standardDeviation) + StandardNormal.LogExpectedImprovementFactor(gain / standardDeviation);
}
