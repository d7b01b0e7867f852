namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>How the surrogate's prediction is turned into a choice.</summary>
public enum AcquisitionKind
{
    /// <summary>Expected improvement over the best score so far.</summary>
    ExpectedImprovement,

    /// <summary>Upper confidence bound mean + beta·sd.</summary>
    UpperConfidenceBound,

    /// <summary>Probability of improvement over the best score so far.</summary>
    ProbabilityOfImprovement,

    /// <summary>Thompson sampling: the best candidate of one function drawn from the joint posterior (seeded).</summary>
    ThompsonSampling,

    /// <summary>
    /// Several objectives: expected hypervolume improvement of the Pareto front (one Gaussian process per objective,
    /// exact by box decomposition; batches and pending experiments by Kriging-believer fantasies). The default with
    /// several objectives.
    /// </summary>
    ExpectedHypervolumeImprovement,

    /// <summary>
    /// Several objectives: ParEGO, the cheap option: each proposal scalarizes the objectives with seeded random weights
    /// (augmented Chebyshev) and maximizes the expected improvement of that one cost.
    /// </summary>
    Parego,
}
