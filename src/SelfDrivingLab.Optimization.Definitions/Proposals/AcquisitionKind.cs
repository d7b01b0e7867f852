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
}
