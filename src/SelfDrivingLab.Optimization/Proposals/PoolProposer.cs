using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Pools;
using SelfDrivingLab.Optimization.Space;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>
/// An <see cref="IProposer"/> over a finite <see cref="CandidatePool"/>: proposals are candidates, each at most once.
/// The initial design and every random pick walk one seeded permutation of the pool (<see cref="PoolOrder"/>); model
/// proposals score every candidate that is not observed, failed, pending or already chosen
/// (<see cref="PoolModelContext"/>). Otherwise as <see cref="SpaceProposer"/>. Thread-safe.
/// </summary>
internal sealed class PoolProposer : IProposer
{
    private const int PoolOrderStream = 3;
    private const int CandidateStream = 2;

    private readonly CandidatePool _pool;
    private readonly Objective _objective;
    private readonly int[] _order;
    private readonly SurrogateFitter _fitter;

    /// <summary>
    /// Creates the proposer; every candidate must belong to <paramref name="space"/> when one is given.
    /// <paramref name="scheduledRefits"/>: a GP refits its hyperparameters on the <see cref="HyperparameterSchedule"/>
    /// (false: at every proposal, for callers whose observed values change between requests).
    /// </summary>
    public PoolProposer(CandidatePool pool, Objective objective, ProposerSettings settings, SearchSpace? space, bool scheduledRefits = true)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ProposerSettingsValidation.Validate(settings, objective);
        if (space is not null)
        {
            var encoder = new SpaceEncoder(space);
            foreach (var candidate in pool.Candidates)
            {
                encoder.Validate(candidate);
            }
        }

        if (settings.PriorMean is { } prior && prior.Means.Count != pool.Count)
        {
            throw new ArgumentException($"Proposer setting PriorMean has {prior.Means.Count} means for a pool of {pool.Count} candidates.", nameof(settings));
        }

        (_pool, _objective, Settings) = (pool, objective, settings with { Pool = pool });
        _order = PoolOrder(pool.Count, settings.Seed);
        _fitter = new SurrogateFitter(settings, scheduledRefits);
    }

    public ProposerSettings Settings { get; }

    /// <summary>
    /// The seeded permutation of a pool of <paramref name="count"/>: candidate indices i sorted by
    /// <c>SeedMixer.Mix(seed, i, 3)</c>, ties by index. A plain hash order, so a script in any language can reproduce
    /// a campaign's initial candidates (benchmarks/textbook_peer.py does).
    /// </summary>
    internal static int[] PoolOrder(int count, int seed) =>
        [.. Enumerable.Range(0, count).OrderBy(i => SeedMixer.Mix(seed, i, PoolOrderStream)).ThenBy(i => i)];

    public IReadOnlyList<Proposal> Propose(ProposalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Count, 1, nameof(request));
        ArgumentOutOfRangeException.ThrowIfNegative(request.ProposedSoFar, nameof(request));
        var observations = request.Observations ?? [];
        var observed = new List<(int Index, double Value)>(observations.Count);
        foreach (var observation in observations)
        {
            _ = _objective.Score(observation.Value);
            observed.Add((IndexOf(observation.Parameters, "Observation"), observation.Value));
        }

        var failed = (request.Failed ?? []).Select(f => IndexOf(f.Parameters, "Failed experiment")).ToList();
        var pending = (request.Pending ?? []).Select(p => IndexOf(p, "Pending experiment")).ToList();
        var excluded = new HashSet<int>([.. observed.Select(o => o.Index), .. failed, .. pending]);

        var proposals = new List<Proposal>(request.Count);
        var chosen = new List<int>(request.Count);
        PoolModelContext? context = null;
        for (var i = 0; i < request.Count && excluded.Count < _pool.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var k = request.ProposedSoFar + i;
            int index;
            Proposal proposal;
            if (k < Settings.InitialCount || !_fitter.HasModel || observed.Count < 2)
            {
                var strategy = k < Settings.InitialCount ? ProposalProvenance.InitialDesignStrategy : ProposalProvenance.RandomStrategy;
                index = NextInOrder(k, excluded);
                proposal = new Proposal(_pool.Candidates[index], ProposalProvenance.WithoutModel(strategy, observed.Count));
            }
            else
            {
                context ??= PoolModelContext.Create(_fitter, _pool, _objective, Settings, observed, [.. pending, .. chosen], failed, cancellationToken);
                (index, proposal) = context.Next(SeedMixer.Mix(Settings.Seed, k, CandidateStream), excluded, cancellationToken);
            }

            excluded.Add(index);
            chosen.Add(index);
            proposals.Add(proposal);
        }

        return proposals;
    }

    public IReadOnlyList<Prediction> Predict(IReadOnlyList<Observation> observations, IReadOnlyList<ParameterSet> at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(at);
        return DesignRecommender.Predict(
            Settings, _objective, observations, Features(observations.Select(o => o.Parameters), "Observation"), Features(at, "Prediction point"), cancellationToken, Offsets(observations, at));
    }

    public RecommendedDesign? Recommend(IReadOnlyList<Observation> observations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(observations);
        return DesignRecommender.Recommend(Settings, _objective, observations, Features(observations.Select(o => o.Parameters), "Observation"), cancellationToken, Offsets(observations, []));
    }

    /// <summary>The prior mean's offsets at the observations and at <paramref name="at"/>, fitted as a proposal fits them; null without a prior mean.</summary>
    private DesignRecommender.PriorOffsets? Offsets(IReadOnlyList<Observation> observations, IReadOnlyList<ParameterSet> at)
    {
        var observed = observations.Select(o => (Index: IndexOf(o.Parameters, "Observation"), o.Value)).ToList();
        if (PriorMeanOffset.Fit(Settings.PriorMean, observed) is not { } prior)
        {
            return null;
        }

        var points = at.Select(p => IndexOf(p, "Prediction point")).ToArray();
        return new DesignRecommender.PriorOffsets(
            [.. observed.Select(o => prior.Offset(o.Index))], [.. observed.Select(o => prior.Variance(o.Index))], [.. points.Select(prior.Offset)], [.. points.Select(prior.Variance)]);
    }

    private double[][] Features(IEnumerable<ParameterSet> sets, string what) => [.. sets.Select(p => _pool.Features(IndexOf(p, what)))];

    /// <summary>The first candidate not excluded, walking the seeded permutation from position <paramref name="k"/> (wrapping).</summary>
    private int NextInOrder(int k, HashSet<int> excluded)
    {
        for (var step = 0; step < _order.Length; step++)
        {
            var index = _order[(int)((k + (long)step) % _order.Length)];
            if (!excluded.Contains(index))
            {
                return index;
            }
        }

        throw new InvalidOperationException("Every candidate of the pool is excluded; the caller checks this first.");
    }

    private int IndexOf(ParameterSet parameters, string what)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var index = _pool.IndexOf(parameters);
        return index >= 0 ? index : throw new ArgumentException($"{what} ({parameters}) is not a candidate of the pool.", nameof(parameters));
    }
}
