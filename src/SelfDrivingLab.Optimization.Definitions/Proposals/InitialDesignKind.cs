namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>How the first experiments are chosen, before any model.</summary>
public enum InitialDesignKind
{
    /// <summary>Uniform random, seeded.</summary>
    Random,

    /// <summary>Scrambled Sobol sequence, seeded.</summary>
    Sobol,

    /// <summary>Latin hypercube, seeded.</summary>
    LatinHypercube,
}
