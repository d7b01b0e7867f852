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
/// fantasies at their predicted mean (Kriging believer). No proposal repeats an observed, pending or already chosen
/// parameter set; in a small discrete space that is exhausted, fewer than <c>Count</c> proposals are returned.
/// Deterministic for given settings and request. Immutable and thread-safe.
/// </summary>
public sealed class Proposer
{
    private const int RandomAttempts = 1000;
    private const int RandomStream = 1;
    private const int CandidateStream = 2;

    private readonly Objective _objective;
    private readonly ProposerSettings _settings;
    private readonly SpaceEncoder _encoder;
    private readonly IReadOnlyList<ParameterSet> _initialDesign;
    private readonly ISurrogate? _surrogate;

    /// <summary>Creates a proposer; throws <see cref="ArgumentException"/> naming an invalid setting.</summary>
    public Proposer(SearchSpace space, Objective objective, ProposerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(space);
        ProposerSettingsValidation.Validate(settings, objective);
        _objective = objective;
        _settings = settings;
        _encoder = new SpaceEncoder(space);
        _initialDesign = InitialDesign.Create(settings.InitialDesign, _encoder, settings.InitialCount, settings.Seed);
        _surrogate = settings.Surrogate switch
        {
            SurrogateKind.GaussianProcess => new GaussianProcessSurrogate(new GaussianProcessOptions { Kernel = settings.Kernel, Restarts = settings.Restarts, Seed = settings.Seed }),
            SurrogateKind.BayesianRidge => new BayesianRidgeSurrogate(),
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
        var observations = request.Observations ?? [];
        var pending = request.Pending ?? [];
        var excluded = new HashSet<ParameterSet>();
        foreach (var observation in observations)
        {
            _encoder.Validate(observation.Parameters);
            _ = _objective.Score(observation.Value);
            excluded.Add(observation.Parameters);
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
                context ??= ModelContext.Create(_surrogate, _encoder, _objective, _settings, observations, [.. pending, .. proposals.Select(p => p.Parameters)], cancellationToken);
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
