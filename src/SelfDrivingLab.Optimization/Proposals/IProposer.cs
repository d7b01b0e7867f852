using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>
/// Chooses the next experiments of one campaign, over a search space or a finite pool of candidates: the proposal
/// engine behind <c>sdl run</c>, <c>sdl bench campaign</c> and the public API alike. Create one with
/// <see cref="ProposerFactory"/>. A proposal depends only on the request and the settings (seed included), not on
/// earlier calls, so a campaign resumed from its ledger proposes what an uninterrupted one would have. Implementations
/// are thread-safe.
/// </summary>
public interface IProposer
{
    /// <summary>The settings this proposer was created with.</summary>
    ProposerSettings Settings { get; }

    /// <summary>Proposes up to <c>request.Count</c> experiments (fewer only when the space or pool is exhausted).</summary>
    /// <exception cref="ArgumentException">An observation, failure or pending set does not belong to the space or pool, or a count is invalid.</exception>
    IReadOnlyList<Proposal> Propose(ProposalRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Fits the proposer's surrogate (a Gaussian process for the random strategy) to <paramref name="observations"/> and
    /// predicts each of <paramref name="at"/>: the posterior of its true value and the fitted noise of a measurement. A
    /// Gaussian process's standard deviations are widened by its leave-one-out calibration factor when its own data show
    /// it overconfident, so that the central 90 % interval of a measurement is honest (see <c>sdl bench calibration</c>).
    /// </summary>
    /// <exception cref="ArgumentException">No observations, or a parameter set does not belong to the space or pool.</exception>
    IReadOnlyList<Prediction> Predict(IReadOnlyList<Observation> observations, IReadOnlyList<ParameterSet> at, CancellationToken cancellationToken = default);

    /// <summary>
    /// The observed design the surrogate believes best: the one with the best posterior mean of the measured output
    /// (robust to a lucky measurement), with the standard deviation of that mean. Null with fewer than two observations.
    /// </summary>
    /// <exception cref="ArgumentException">An observation does not belong to the space or pool.</exception>
    RecommendedDesign? Recommend(IReadOnlyList<Observation> observations, CancellationToken cancellationToken = default);
}
