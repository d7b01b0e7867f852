using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>
/// Where a multi-objective proposer chooses: a search space (<see cref="SpaceDomain"/>) or a candidate pool
/// (<see cref="PoolDomain"/>). Gives the model's inputs of a parameter set, the seeded initial and random points the
/// single-objective proposers would choose, and the best point of a ranking. Implementations are immutable and
/// thread-safe.
/// </summary>
internal interface IProposalDomain
{
    /// <summary>The model's input for <paramref name="parameters"/> (validated; <paramref name="what"/> names it in errors).</summary>
    /// <exception cref="ArgumentException">Not a point of the space, or not a candidate of the pool.</exception>
    double[] Encode(ParameterSet parameters, string what);

    /// <summary>Experiment <paramref name="k"/>'s point of the seeded initial design, or null when that point is excluded.</summary>
    ParameterSet? InitialPoint(int k, IReadOnlySet<ParameterSet> excluded);

    /// <summary>A seeded random point for experiment <paramref name="k"/> that is not excluded, or null when none is found.</summary>
    ParameterSet? RandomPoint(int k, IReadOnlySet<ParameterSet> excluded);

    /// <summary>
    /// The point with the largest rank that is not excluded (and satisfies the space's constraints), or null when none
    /// is left. <paramref name="rank"/> maps model inputs to ranks (larger is better; NaN counts as -∞).
    /// </summary>
    DomainPoint? Maximize(Func<double[][], double[]> rank, int seed, IReadOnlySet<ParameterSet> excluded, CancellationToken cancellationToken);
}
