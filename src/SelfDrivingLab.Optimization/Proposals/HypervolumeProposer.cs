using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Objectives;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>
/// The <see cref="IMultiObjectiveProposer"/> for <see cref="AcquisitionKind.ExpectedHypervolumeImprovement"/>, over a
/// space or a pool (<see cref="IProposalDomain"/>). Experiment k (<c>ProposedSoFar + i</c>) is point k of the seeded
/// initial design while k &lt; <see cref="ProposerSettings.InitialCount"/> (random when that point is taken); then,
/// with at least two observations and a model, the point of largest expected hypervolume improvement
/// (<see cref="HypervolumeContext"/>: one surrogate per objective). A batch is chosen sequentially, each pick and
/// every pending experiment believed at its posterior means (Kriging believer), so a batch spreads along the front.
/// No proposal repeats an observed, failed, pending or chosen point. Thread-safe; a proposal depends only on the
/// request and the settings.
/// </summary>
internal sealed class HypervolumeProposer : IMultiObjectiveProposer
{
    private const int CandidateStream = 2;

    private readonly IProposalDomain _domain;
    private readonly SurrogateFitter _fitter;

    public HypervolumeProposer(IProposalDomain domain, IReadOnlyList<Objective> objectives, ProposerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(domain);
        MultiObjectiveSettings.Validate(objectives, settings);
        (_domain, Objectives, Settings) = (domain, [.. objectives], settings);
        _fitter = new SurrogateFitter(settings);
    }

    public ProposerSettings Settings { get; }

    public IReadOnlyList<Objective> Objectives { get; }

    public IReadOnlyList<Proposal> Propose(ProposalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Count, 1, nameof(request));
        ArgumentOutOfRangeException.ThrowIfNegative(request.ProposedSoFar, nameof(request));
        var observations = request.Observations ?? [];
        var failed = request.Failed ?? [];
        var pending = request.Pending ?? [];
        var x = observations.Select(o => _domain.Encode(o.Parameters, "Observation")).ToArray();
        var values = observations.Select(o => ObjectiveValues.Read(o, Objectives)).ToArray();
        var failedX = failed.Select(f => _domain.Encode(f.Parameters, "Failed experiment")).ToArray();
        var pendingX = pending.Select(p => _domain.Encode(p, "Pending experiment")).ToArray();
        var excluded = new HashSet<ParameterSet>([.. observations.Select(o => o.Parameters), .. failed.Select(f => f.Parameters), .. pending]);

        var proposals = new List<Proposal>(request.Count);
        HypervolumeContext? context = null;
        for (var i = 0; i < request.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var k = request.ProposedSoFar + i;
            Proposal? proposal;
            if (k < Settings.InitialCount && _domain.InitialPoint(k, excluded) is { } initial)
            {
                proposal = new Proposal(initial, ProposalProvenance.WithoutModel(ProposalProvenance.InitialDesignStrategy, observations.Count));
            }
            else if (k < Settings.InitialCount || !_fitter.HasModel || observations.Count < 2)
            {
                var strategy = k < Settings.InitialCount ? ProposalProvenance.InitialDesignStrategy : ProposalProvenance.RandomStrategy;
                proposal = _domain.RandomPoint(k, excluded) is { } random ? new Proposal(random, ProposalProvenance.WithoutModel(strategy, observations.Count)) : null;
            }
            else
            {
                context ??= HypervolumeContext.Create(
                    _fitter, _domain, Objectives, x, values, [.. pendingX, .. proposals.Select(p => _domain.Encode(p.Parameters, "Proposal"))], failedX, cancellationToken);
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

    public IReadOnlyList<Prediction> Predict(IReadOnlyList<Observation> observations, IReadOnlyList<ParameterSet> at, CancellationToken cancellationToken = default) =>
        PredictObjectives(observations, at, cancellationToken)[0];

    public RecommendedDesign? Recommend(IReadOnlyList<Observation> observations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(observations);
        return null;
    }

    public IReadOnlyList<IReadOnlyList<Prediction>> PredictObjectives(IReadOnlyList<Observation> observations, IReadOnlyList<ParameterSet> at, CancellationToken cancellationToken = default) =>
        ObjectivePredictions.Predict(Settings, Objectives, _domain, observations, at, cancellationToken);

    public IReadOnlyList<ParetoDesign> RecommendFront(IReadOnlyList<Observation> observations, CancellationToken cancellationToken = default) =>
        ObjectivePredictions.Front(Settings, Objectives, _domain, observations, cancellationToken);
}
