namespace SelfDrivingLab.Optimization.Pools;

/// <summary>How a <see cref="PoolPriorMean"/> is scaled before the surrogate learns the residual.</summary>
public enum PriorMeanScaling
{
    /// <summary>y = m(x) + residual: the prior mean as given.</summary>
    Fixed,

    /// <summary>
    /// y = s·m(x) + residual, with s fitted to the measurements by least squares about their means, shrunk towards 1
    /// (a prior of s ~ N(1, 1) in units of the standardized data): a model that is biased or over-confident in its
    /// spread is rescaled as measurements arrive, and with few measurements s stays near 1.
    /// </summary>
    Learned,
}
