namespace SelfDrivingLab.Benchmarks.MultiObjective;

/// <summary>How a multi-objective benchmark campaign chooses its experiments.</summary>
public enum MultiObjectiveStrategy
{
    /// <summary>Expected hypervolume improvement, the campaign default for several objectives.</summary>
    Ehvi,

    /// <summary>ParEGO, the cheap option: expected improvement of a randomly weighted Chebyshev scalarization.</summary>
    Parego,

    /// <summary>Uniformly random designs (after the same initial design).</summary>
    Random,
}
