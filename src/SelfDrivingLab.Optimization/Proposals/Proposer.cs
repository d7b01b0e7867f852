using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Acquisition;
using SelfDrivingLab.Optimization.Designs;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Space;
using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>
/// Chooses the next experiments of a campaign. Experiment k (0-based, <c>ProposedSoFar + i</c>) is point k of the seeded
/// initial design while k &lt; <see cref="ProposerSettings.InitialCount"/>; afterwards the surrogate is fitted to the
/// observations (random proposals while fewer than 2 exist, or with <see cref="SurrogateKind.Random"/>) and the
/// acquisition function is maximized. Pending experiments and earlier picks of the same batch enter the model as
/// fantasies at their predicted mean (Kriging believer). No proposal repeats an observed, failed, pending or already
/// chosen parameter set; failed experiments also train a feasibility classifier that weights the acquisition by the
/// probability of success. In a small discrete space that is exhausted, fewer than <c>Count</c> proposals are returned.
/// Deterministic for given settings and request history. With a Gaussian process, each fit starts its likelihood
/// optimization from the previous fit's hyperparameters (warm start; a proposer lives for one campaign), so a call's
/// result can depend on earlier calls of the same instance. With <see cref="ProposerSettings.Pool"/> the proposer
/// chooses among the pool's candidates instead (see there). Thread-safe.
/// </summary>
public sealed partial class Proposer
{
    private const int RandomAttempts = 1000;
    private const int RandomStream = 1;
    private const int CandidateStream = 2;

    private readonly Objective _objective;
    private readonly ProposerSettings _settings;
    private readonly SpaceEncoder _encoder;
    private readonly IReadOnlyList<ParameterSet> _initialDesign;
    private readonly ISurrogate? _surrogate;
    private readonly GaussianProcessOptions? _gaussianProcessOptions;
    private IReadOnlyDictionary<string, double>? _warmStart;

    /// <summary>Creates a proposer; throws <see cref="ArgumentException"/> naming an invalid setting.</summary>
    public Proposer(SearchSpace space, Objective objective, ProposerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(space);
        ProposerSettingsValidation.Validate(settings, objective);
        _objective = objective;
        _settings = settings;
        _encoder = new SpaceEncoder(space);
        // A pool replaces the space's design with seeded random candidates (see ProposerSettings.Pool).
        _initialDesign = settings.Pool is null ? InitialDesign.Create(settings.InitialDesign, _encoder, settings.InitialCount, settings.Seed) : [];
        _poolOrder = settings.Pool is null ? [] : PoolOrder(settings.Pool, settings.Seed);
        foreach (var candidate in settings.Pool?.Candidates ?? [])
        {
            _encoder.Validate(candidate);
        }

        _gaussianProcessOptions = settings.Surrogate == SurrogateKind.GaussianProcess
            ? new GaussianProcessOptions { Kernel = settings.Kernel, Restarts = settings.Restarts, Seed = settings.Seed }
            : null;
        _surrogate = settings.Surrogate switch
        {
            SurrogateKind.GaussianProcess => new GaussianProcessSurrogate(_gaussianProcessOptions),
            SurrogateKind.BayesianRidge => new BayesianRidgeSurrogate(),
            SurrogateKind.RandomForest => new RandomForestSurrogate(new RandomForestOptions { Seed = settings.Seed }),
            _ => null,
        };
    }

    /// <summary>The encoder of the search space.</summary>
    public SpaceEncoder Encoder => _encoder;

    /// <summary>Proposes up to <c>request.Count</c> experiments (see the class remarks for the rules).</summary>
    /// <exception cref="ArgumentException">An observation or pending set does not belong to the space, or a count is invalid.</exception>
    public IReadOnlyList<Proposal> Propose(ProposalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Count, 1, nameof(request));
        ArgumentOutOfRangeException.ThrowIfNegative(request.ProposedSoFar, nameof(request));
        if (_settings.Pool is { } pool)
        {
            return ProposeFromPool(pool, request, cancellationToken);
        }

        var observations = request.Observations ?? [];
        var pending = request.Pending ?? [];
        var excluded = new HashSet<ParameterSet>();
        foreach (var observation in observations)
        {
            _encoder.Validate(observation.Parameters);
            _ = _objective.Score(observation.Value);
            excluded.Add(observation.Parameters);
        }

        var failed = request.Failed ?? [];
        foreach (var failure in failed)
        {
            _encoder.Validate(failure.Parameters);
            excluded.Add(failure.Parameters);
        }

        foreach (var parameters in pending)
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
            if (k < _settings.InitialCount && !excluded.Contains(_initialDesign[k]))
            {
                proposal = new Proposal(_initialDesign[k], ProposalProvenance.WithoutModel(ProposalProvenance.InitialDesignStrategy, observations.Count));
            }
            else if (k < _settings.InitialCount || _surrogate is null || observations.Count < 2)
            {
                proposal = RandomProposal(k, excluded, observations.Count);
            }
            else
            {
                context ??= CreateContext(observations, [.. pending, .. proposals.Select(p => p.Parameters)], failed, cancellationToken);
                proposal = context.Next(CandidateSeed(k), excluded, cancellationToken);
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

    /// <summary>Fits the surrogate (a GP warm-started from the previous fit) and remembers the fitted hyperparameters.</summary>
    private ModelContext CreateContext(IReadOnlyList<Observation> observations, IReadOnlyList<ParameterSet> fantasies, IReadOnlyList<FailedObservation> failed, CancellationToken cancellationToken)
    {
        var warm = Volatile.Read(ref _warmStart);
        var surrogate = _gaussianProcessOptions is not null && warm is not null
            ? new GaussianProcessSurrogate(_gaussianProcessOptions with { InitialHyperparameters = warm })
            : _surrogate!;
        var context = ModelContext.Create(surrogate, _encoder, _objective, _settings, observations, fantasies, failed, cancellationToken);
        if (_gaussianProcessOptions is not null)
        {
            Volatile.Write(ref _warmStart, context.FittedHyperparameters);
        }

        return context;
    }

    private int CandidateSeed(int k) => SeedMixer.Mix(_settings.Seed, k, CandidateStream);

    private Proposal? RandomProposal(int k, HashSet<ParameterSet> excluded, int dataCount)
    {
        var random = new Random(SeedMixer.Mix(_settings.Seed, k, RandomStream));
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
