namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>Covariance function of a Gaussian process (all with ARD length scales).</summary>
public enum KernelKind
{
    /// <summary>Matérn ν = 5/2.</summary>
    Matern52,

    /// <summary>Matérn ν = 3/2.</summary>
    Matern32,

    /// <summary>Squared exponential.</summary>
    Rbf,
}
