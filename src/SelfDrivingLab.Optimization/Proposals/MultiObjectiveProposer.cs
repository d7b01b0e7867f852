using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Pools;
using SelfDrivingLab.Optimization.Space;
using Front = SelfDrivingLab.Optimization.Objectives.ParetoFront;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>
/// ParEGO for 2–3 objectives (<see cref="AcquisitionKind.Parego"/>, the cheap alternative to expected hypervolume
/// improvement): each experiment draws seeded simplex weights (from the seed and its number), scalarizes the
/// observations with <see cref="ParEgoScalarization"/> and lets a single-objective <see cref="IProposer"/> over the same
/// space or pool (same settings, minimizing the scalarized cost with expected improvement as in Knowles 2006, or with
/// the settings' own acquisition when it is a single-objective one) choose. A batch is chosen one experiment at a time,
/// experiment k with the weights of k and the batch's earlier picks pending, so a batch spreads along the front. A result
/// outside a threshold gets the worst possible cost, 1 + ρ; the others are normalized among themselves. Initial design,
/// failures, pending experiments and provenance behave as in that proposer (the acquisition is recorded as
/// <c>parego-…</c>). Thread-safe.
/// </summary>
public sealed class MultiObjectiveProposer : IMultiObjectiveProposer
{
    private const int WeightStream = 3;
    private static readonly Objective Cost = new("parego_cost", ObjectiveGoal.Minimize);

    private readonly IProposalDomain _domain;
    private readonly IProposer _inner;

    /// <summary>Creates the proposer over a space (or over <see cref="ProposerSettings.Pool"/> when set); throws <see cref="ArgumentException"/> for invalid settings or objectives.</summary>
    public MultiObjectiveProposer(SearchSpace space, IReadOnlyList<Objective> objectives, ProposerSettings settings)
        : this(
            settings?.Pool is { } pool ? new PoolDomain(pool, settings.Seed, space) : new SpaceDomain(space, settings!),
            ProposerFactory.CreateRefittingEveryProposal(space, Cost, Inner(settings!)),
            objectives,
            settings!)
    {
    }

    /// <summary>Creates the proposer over a candidate pool; throws <see cref="ArgumentException"/> for invalid settings or objectives.</summary>
    public MultiObjectiveProposer(CandidatePool pool, IReadOnlyList<Objective> objectives, ProposerSettings settings)
        : this(new PoolDomain(pool, settings?.Seed ?? 0, space: null), ProposerFactory.CreateRefittingEveryProposal(pool, Cost, Inner(settings!)), objectives, settings!)
    {
    }

    private MultiObjectiveProposer(IProposalDomain domain, IProposer inner, IReadOnlyList<Objective> objectives, ProposerSettings settings)
    {
        MultiObjectiveSettings.Validate(objectives, settings);
        Scalarization = new ParEgoScalarization(objectives);
        (_domain, _inner, Objectives, Settings) = (domain, inner, [.. objectives], inner.Settings.Pool is { } pool ? settings with { Pool = pool } : settings);
    }

    /// <inheritdoc />
    public ProposerSettings Settings { get; }

    /// <inheritdoc />
    public IReadOnlyList<Objective> Objectives { get; }

    /// <summary>The scalarization (objectives and ρ).</summary>
    public ParEgoScalarization Scalarization { get; }

    /// <summary>The weights used for the call with <paramref name="proposedSoFar"/> (reproducible).</summary>
    public double[] WeightsFor(int proposedSoFar) => Scalarization.RandomWeights(new Random(SeedMixer.Mix(Settings.Seed, proposedSoFar, WeightStream)));

    /// <inheritdoc />
    public IReadOnlyList<Proposal> Propose(ProposalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var observations = request.Observations ?? [];
        var values = observations.Select(o => ObjectiveValues.Read(o, Objectives)).ToArray();
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Count, 1, nameof(request));

        // One experiment at a time, each with its own weights and the batch's earlier picks pending: one weight vector
        // for a whole batch would send it all towards one part of the front.
        var proposals = new List<Proposal>(request.Count);
        for (var i = 0; i < request.Count; i++)
        {
            var costs = ScalarCosts(values, request.ProposedSoFar + i);
            var scalar = observations.Select((o, j) => new Observation(o.Parameters, costs[j])).ToArray();
            var next = _inner.Propose(
                request with { Observations = scalar, Pending = [.. request.Pending, .. proposals.Select(p => p.Parameters)], ProposedSoFar = request.ProposedSoFar + i, Count = 1 },
                cancellationToken);
            if (next.Count == 0)
            {
                break;
            }

            proposals.Add(next[0].Provenance.Acquisition is { } acquisition ? next[0] with { Provenance = next[0].Provenance with { Acquisition = $"parego-{acquisition}" } } : next[0]);
        }

        return proposals;
    }

    /// <summary>Proposes up to <paramref name="count"/> experiments from observations given as value vectors.</summary>
    /// <exception cref="ArgumentException">An observation has the wrong number of values or does not belong to the space.</exception>
    public IReadOnlyList<Proposal> Propose(
        IReadOnlyList<MultiObjectiveObservation> observations,
        IReadOnlyList<ParameterSet> pending,
        int proposedSoFar,
        int count,
        IReadOnlyList<FailedObservation>? failed = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(observations);
        if (observations.Any(o => o.Values.Count != Objectives.Count))
        {
            throw new ArgumentException($"Every observation needs {Objectives.Count} values, one per objective.", nameof(observations));
        }

        var outputs = observations.Select(o => new Observation(o.Parameters, o.Values[0])
        {
            Outputs = new ParameterSet(Objectives.Select((objective, j) => new KeyValuePair<string, ParameterValue>(objective.Output, o.Values[j]))),
        }).ToArray();
        return Propose(new ProposalRequest(outputs, pending, proposedSoFar, count) { Failed = failed ?? [] }, cancellationToken);
    }

    /// <summary>Indices of the observations on the Pareto front of the measured values (results outside a threshold excluded).</summary>
    public IReadOnlyList<int> ParetoFront(IReadOnlyList<MultiObjectiveObservation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        return Front.CountingFront([.. observations.Select(o => o.Values)], Objectives);
    }

    /// <inheritdoc />
    public IReadOnlyList<Prediction> Predict(IReadOnlyList<Observation> observations, IReadOnlyList<ParameterSet> at, CancellationToken cancellationToken = default) =>
        PredictObjectives(observations, at, cancellationToken)[0];

    /// <inheritdoc />
    public RecommendedDesign? Recommend(IReadOnlyList<Observation> observations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(observations);
        return null;
    }

    /// <inheritdoc />
    public IReadOnlyList<IReadOnlyList<Prediction>> PredictObjectives(IReadOnlyList<Observation> observations, IReadOnlyList<ParameterSet> at, CancellationToken cancellationToken = default) =>
        ObjectivePredictions.Predict(Settings, Objectives, _domain, observations, at, cancellationToken);

    /// <inheritdoc />
    public IReadOnlyList<ParetoDesign> RecommendFront(IReadOnlyList<Observation> observations, CancellationToken cancellationToken = default) =>
        ObjectivePredictions.Front(Settings, Objectives, _domain, observations, cancellationToken);

    /// <summary>The single-objective settings of the inner proposer: expected improvement unless the settings name a single-objective acquisition.</summary>
    private static ProposerSettings Inner(ProposerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Acquisition is AcquisitionKind.Parego or AcquisitionKind.ExpectedHypervolumeImprovement
            ? settings with { Acquisition = AcquisitionKind.ExpectedImprovement }
            : settings;
    }

    private double[] ScalarCosts(double[][] values, int proposedSoFar)
    {
        var costs = new double[values.Length];
        var counting = Enumerable.Range(0, values.Length).Where(i => ObjectiveValues.Count(values[i], Objectives)).ToArray();
        var scalarized = counting.Length == 0 ? [] : Scalarization.Costs([.. counting.Select(i => (IReadOnlyList<double>)values[i])], WeightsFor(proposedSoFar));
        Array.Fill(costs, 1 + Scalarization.Rho);
        for (var k = 0; k < counting.Length; k++)
        {
            costs[counting[k]] = scalarized[k];
        }

        return costs;
    }
}
