using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Pools;
using SelfDrivingLab.Optimization.Space;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>Creates the <see cref="IProposer"/> of a campaign: the one proposal engine of SelfDrivingLab.</summary>
public static class ProposerFactory
{
    /// <summary>
    /// A proposer over <paramref name="space"/>, or over <see cref="ProposerSettings.Pool"/> when the settings name a
    /// pool (every candidate must then belong to the space). Throws <see cref="ArgumentException"/> naming an invalid
    /// setting or candidate.
    /// </summary>
    public static IProposer Create(SearchSpace space, Objective objective, ProposerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Pool is { } pool ? new PoolProposer(pool, objective, settings, space) : new SpaceProposer(space, objective, settings);
    }

    /// <summary>
    /// As <see cref="Create(SearchSpace, Objective, ProposerSettings)"/>, but a GP refits its hyperparameters at every
    /// proposal: for callers whose observed values change from one request to the next (ParEGO's scalarizations), where
    /// conditioning on earlier values would be wrong.
    /// </summary>
    internal static IProposer CreateRefittingEveryProposal(SearchSpace space, Objective objective, ProposerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Pool is { } pool ? new PoolProposer(pool, objective, settings, space, scheduledRefits: false) : new SpaceProposer(space, objective, settings, scheduledRefits: false);
    }

    /// <summary>
    /// A proposer that chooses among the candidates of <paramref name="pool"/> (<see cref="ProposerSettings.Pool"/> is
    /// set to it). Throws <see cref="ArgumentException"/> naming an invalid setting.
    /// </summary>
    public static IProposer Create(CandidatePool pool, Objective objective, ProposerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(settings);
        return new PoolProposer(pool, objective, settings, space: null);
    }
}
