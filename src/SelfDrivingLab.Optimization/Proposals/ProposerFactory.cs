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
        RefuseMultiObjective(settings);
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

    /// <summary>As <see cref="Create(CandidatePool, Objective, ProposerSettings)"/>, but a GP refits its hyperparameters at every proposal (see the space overload).</summary>
    internal static IProposer CreateRefittingEveryProposal(CandidatePool pool, Objective objective, ProposerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(settings);
        return new PoolProposer(pool, objective, settings, space: null, scheduledRefits: false);
    }

    /// <summary>
    /// A proposer that chooses among the candidates of <paramref name="pool"/> (<see cref="ProposerSettings.Pool"/> is
    /// set to it). Throws <see cref="ArgumentException"/> naming an invalid setting.
    /// </summary>
    public static IProposer Create(CandidatePool pool, Objective objective, ProposerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(settings);
        RefuseMultiObjective(settings);
        return new PoolProposer(pool, objective, settings, space: null);
    }

    /// <summary>
    /// A proposer for <paramref name="objectives"/> over <paramref name="space"/> (or over <see cref="ProposerSettings.Pool"/>
    /// when the settings name a pool): with one objective as <see cref="Create(SearchSpace, Objective, ProposerSettings)"/>;
    /// with two or more an <see cref="IMultiObjectiveProposer"/> — expected hypervolume improvement for
    /// <see cref="AcquisitionKind.ExpectedHypervolumeImprovement"/>, ParEGO for <see cref="AcquisitionKind.Parego"/>.
    /// Throws <see cref="ArgumentException"/> naming an invalid setting or objective (a single-objective acquisition with
    /// several objectives, or the reverse).
    /// </summary>
    public static IProposer Create(SearchSpace space, IReadOnlyList<Objective> objectives, ProposerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(settings);
        return CreateFor(objectives, settings, () => Create(space, objectives[0], settings), () => settings.Pool is { } pool
            ? new PoolDomain(pool, settings.Seed, space)
            : new SpaceDomain(space, settings), () => new MultiObjectiveProposer(space, objectives, settings));
    }

    /// <summary>As <see cref="Create(SearchSpace, IReadOnlyList{Objective}, ProposerSettings)"/>, choosing among the candidates of <paramref name="pool"/>.</summary>
    public static IProposer Create(CandidatePool pool, IReadOnlyList<Objective> objectives, ProposerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(settings);
        return CreateFor(
            objectives, settings with { Pool = pool }, () => Create(pool, objectives[0], settings), () => new PoolDomain(pool, settings.Seed, space: null), () => new MultiObjectiveProposer(pool, objectives, settings));
    }

    private static IProposer CreateFor(
        IReadOnlyList<Objective> objectives, ProposerSettings settings, Func<IProposer> single, Func<IProposalDomain> domain, Func<IProposer> parEgo)
    {
        ArgumentNullException.ThrowIfNull(objectives);
        if (objectives.Count == 0)
        {
            throw new ArgumentException("A proposer needs at least one objective.", nameof(objectives));
        }

        if (objectives.Count == 1)
        {
            return single();
        }

        if (settings.PriorMean is not null)
        {
            throw new ArgumentException($"Proposer setting PriorMean applies to one objective; this campaign has {objectives.Count}.", nameof(settings));
        }

        return settings.Acquisition switch
        {
            AcquisitionKind.ExpectedHypervolumeImprovement => new HypervolumeProposer(domain(), objectives, settings),
            AcquisitionKind.Parego => parEgo(),
            _ => throw new ArgumentException(
                $"Acquisition {settings.Acquisition} optimizes one objective; with {objectives.Count} objectives use {AcquisitionKind.ExpectedHypervolumeImprovement} or {AcquisitionKind.Parego}.", nameof(settings)),
        };
    }

    private static void RefuseMultiObjective(ProposerSettings settings)
    {
        if (AcquisitionKinds.IsMultiObjective(settings.Acquisition))
        {
            throw new ArgumentException(
                $"Acquisition {settings.Acquisition} needs two or more objectives; with one use expected improvement, the upper confidence bound, probability of improvement or Thompson sampling.",
                nameof(settings));
        }
    }
}
