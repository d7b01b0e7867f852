using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Designs;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Space;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>
/// An <see cref="IProposer"/> over a search space. Experiment k (0-based, <c>ProposedSoFar + i</c>) is point k of the
/// seeded initial design while k &lt; <see cref="ProposerSettings.InitialCount"/>; afterwards the surrogate is fitted to
/// the observations (random proposals while fewer than 2 exist, or with <see cref="SurrogateKind.Random"/>) and the
/// acquisition function is maximized over the space (<see cref="CandidateSearch"/>). Pending experiments and earlier
/// picks of the same batch enter the model as fantasies at their predicted mean (Kriging believer). No proposal repeats
/// an observed, failed, pending or already chosen parameter set; failed experiments also train a feasibility classifier
/// that weights the acquisition by the probability of success. In a small discrete space that is exhausted, fewer than
/// <c>Count</c> proposals are returned. A GP's hyperparameters are refitted on the <see cref="HyperparameterSchedule"/>.
/// Thread-safe.
/// </summary>
internal sealed class SpaceProposer : IProposer
{
    private const int RandomAttempts = 1000;
    private const int RandomStream = 1;
    private const int CandidateStream = 2;

    private readonly Objective _objective;
    private readonly SpaceEncoder _encoder;
    private readonly IReadOnlyList<ParameterSet> _initialDesign;
    private readonly SurrogateFitter _fitter;
    private readonly FeasibilityFitter _feasibilityFitter = new();

    /// <summary>
    /// Creates the proposer. <paramref name="scheduledRefits"/>: a GP refits its hyperparameters on the
    /// <see cref="HyperparameterSchedule"/> (false: at every proposal, for callers whose observed values change between
    /// requests).
    /// </summary>
    public SpaceProposer(SearchSpace space, Objective objective, ProposerSettings settings, bool scheduledRefits = true)
    {
        ArgumentNullException.ThrowIfNull(space);
        ProposerSettingsValidation.Validate(settings, objective);
        if (settings.PriorMean is not null)
        {
            throw new ArgumentException("Proposer setting PriorMean needs a candidate pool (its means are per candidate).", nameof(settings));
        }

        _objective = objective;
        Settings = settings;
        _encoder = new SpaceEncoder(space);
        _initialDesign = InitialDesign.Create(settings.InitialDesign, _encoder, settings.InitialCount, settings.Seed);
        _fitter = new SurrogateFitter(settings, scheduledRefits);
    }

    public ProposerSettings Settings { get; }

    public IReadOnlyList<Proposal> Propose(ProposalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Count, 1, nameof(request));
        ArgumentOutOfRangeException.ThrowIfNegative(request.ProposedSoFar, nameof(request));
        var observations = request.Observations ?? [];
        var pending = request.Pending ?? [];
        var failed = request.Failed ?? [];
        var excluded = new HashSet<ParameterSet>();
        foreach (var observation in observations)
        {
            _encoder.Validate(observation.Parameters);
            _ = _objective.Score(observation.Value);
            excluded.Add(observation.Parameters);
        }

        foreach (var parameters in failed.Select(f => f.Parameters).Concat(pending))
        {
            _encoder.Validate(parameters);
            excluded.Add(parameters);
        }

        var proposals = new List<Proposal>(request.Count);
        ModelContext? context = null;
        for (var i = 0; i < request.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var k = request.ProposedSoFar + i;
            Proposal? proposal;
            if (k < Settings.InitialCount && !excluded.Contains(_initialDesign[k]))
            {
                proposal = new Proposal(_initialDesign[k], ProposalProvenance.WithoutModel(ProposalProvenance.InitialDesignStrategy, observations.Count));
            }
            else if (k < Settings.InitialCount || !_fitter.HasModel || observations.Count < 2)
            {
                proposal = RandomProposal(k, excluded, observations.Count);
            }
            else
            {
                context ??= ModelContext.Create(_fitter, _feasibilityFitter, _encoder, _objective, Settings, observations, [.. pending, .. proposals.Select(p => p.Parameters)], failed, cancellationToken);
                proposal = context.Next(SeedMixer.Mix(Settings.Seed, k, CandidateStream), excluded, cancellationToken);
            }

            if (proposal is null)
            {
                break;
            }

            excluded.Add(proposal.Parameters);
            proposals.Add(proposal);
        }

        return proposals;
    }

    public IReadOnlyList<Prediction> Predict(IReadOnlyList<Observation> observations, IReadOnlyList<ParameterSet> at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(at);
        return DesignRecommender.Predict(Settings, _objective, observations, Encode(observations.Select(o => o.Parameters)), Encode(at), cancellationToken);
    }

    public RecommendedDesign? Recommend(IReadOnlyList<Observation> observations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(observations);
        return DesignRecommender.Recommend(Settings, _objective, observations, Encode(observations.Select(o => o.Parameters)), cancellationToken);
    }

    private double[][] Encode(IEnumerable<ParameterSet> sets) => [.. sets.Select(p =>
    {
        _encoder.Validate(p);
        return _encoder.Encode(p);
    })];

    private Proposal? RandomProposal(int k, HashSet<ParameterSet> excluded, int dataCount)
    {
        var random = new Random(SeedMixer.Mix(Settings.Seed, k, RandomStream));
        for (var attempt = 0; attempt < RandomAttempts; attempt++)
        {
            var parameters = _encoder.Sample(random);
            if (!excluded.Contains(parameters))
            {
                return new Proposal(parameters, ProposalProvenance.WithoutModel(ProposalProvenance.RandomStrategy, dataCount));
            }
        }

        return null;
    }
}
