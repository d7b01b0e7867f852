namespace SelfDrivingLab.Benchmarks.Protocol;

/// <summary>How measured scores are transformed before the surrogate sees them.</summary>
public enum ScoreWarping
{
    /// <summary>Raw scores (the surrogate standardizes them).</summary>
    None,

    /// <summary>
    /// Gaussian copula: each score is replaced by the standard normal quantile of its mid-rank, Φ⁻¹((rank − ½)/n), ties
    /// sharing their mean rank. Order-preserving, so the best candidate stays the best, but heavy tails and outliers no
    /// longer dominate the GP's length scales and noise.
    /// </summary>
    Copula,
}
