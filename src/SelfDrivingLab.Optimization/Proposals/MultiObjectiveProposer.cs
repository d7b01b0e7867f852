using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Space;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>
/// Proposes experiments for 2–3 objectives by ParEGO: each call draws seeded simplex weights (from the seed and
/// <c>ProposedSoFar</c>), scalarizes the observations with <see cref="ParEgoScalarization"/> and lets a single-objective
/// <see cref="IProposer"/> (same settings, minimizing the scalarized cost) choose — a batch shares one weight vector.
/// Initial design, failures, pending experiments and provenance behave as in that proposer. Thread-safe.
/// </summary>
public sealed class MultiObjectiveProposer
{
    private const int WeightStream = 3;

    private readonly ProposerSettings _settings;
    private readonly IProposer _inner;

    /// <summary>Creates the proposer; throws <see cref="ArgumentException"/> for invalid settings or objective counts.</summary>
    public MultiObjectiveProposer(SearchSpace space, IReadOnlyList<Objective> objectives, ProposerSettings settings)
    {
        Scalarization = new ParEgoScalarization(objectives);
        _settings = settings;
        _inner = ProposerFactory.CreateRefittingEveryProposal(space, new Objective("parego_cost", ObjectiveGoal.Minimize), settings);
    }

    /// <summary>The scalarization (objectives and ρ).</summary>
    public ParEgoScalarization Scalarization { get; }

    /// <summary>The weights used for the call with <paramref name="proposedSoFar"/> (reproducible).</summary>
    public double[] WeightsFor(int proposedSoFar) => Scalarization.RandomWeights(new Random(SeedMixer.Mix(_settings.Seed, proposedSoFar, WeightStream)));

    /// <summary>Proposes up to <paramref name="count"/> experiments.</summary>
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
        var costs = observations.Count == 0 ? [] : Scalarization.Costs(observations.Select(o => o.Values).ToArray(), WeightsFor(proposedSoFar));
        var scalar = observations.Select((o, i) => new Observation(o.Parameters, costs[i])).ToArray();
        return _inner.Propose(new ProposalRequest(scalar, pending, proposedSoFar, count) { Failed = failed ?? [] }, cancellationToken);
    }

    /// <summary>Indices of the observations on the Pareto front of the measured values.</summary>
    public IReadOnlyList<int> ParetoFront(IReadOnlyList<MultiObjectiveObservation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var objectives = Scalarization.Objectives;
        return Objectives.ParetoFront.Front(observations
            .Select(o => (IReadOnlyList<double>)o.Values.Select((v, j) => objectives[j].Score(v)).ToArray())
            .ToArray());
    }
}
