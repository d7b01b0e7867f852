using SelfDrivingLab.Optimization.Pools;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>
/// Everything that configures a proposer (<c>ProposerFactory</c>). <see cref="Default"/> is what a campaign file
/// without <c>initial_design</c>, <c>surrogate</c> or <c>acquisition</c> gets, and what <c>sdl bench campaign --strategy
/// default</c> measures. Immutable.
/// </summary>
/// <param name="Surrogate">Surrogate model.</param>
/// <param name="Acquisition">Acquisition function.</param>
/// <param name="InitialDesign">Design of the first <paramref name="InitialCount"/> experiments.</param>
/// <param name="InitialCount">Experiments chosen by the initial design before the model takes over (at least 1 in a campaign file; 0 when prior data replace it, see <see cref="WithPrior"/>).</param>
/// <param name="Seed">Seed of every random choice.</param>
/// <param name="Kernel">GP kernel (GP only).</param>
/// <param name="Restarts">GP hyperparameter optimizer restarts (GP only; default 4).</param>
/// <param name="Beta">UCB exploration weight β in μ + β·σ (UCB only; default 1).</param>
/// <param name="Xi">EI/PI improvement margin in standard deviations of the measured scores (default 0, the textbook's plain EI).</param>
/// <param name="CandidateCount">Random/Sobol candidates scored per proposal in a continuous space (default 2048).</param>
public sealed record ProposerSettings(
    SurrogateKind Surrogate,
    AcquisitionKind Acquisition,
    InitialDesignKind InitialDesign,
    int InitialCount,
    int Seed,
    KernelKind Kernel = KernelKind.Matern52,
    int Restarts = 4,
    double Beta = 1.0,
    double Xi = 0,
    int CandidateCount = 2048)
{
    /// <summary>
    /// A finite pool to choose from instead of the search space (default null: search the space). In pool mode the
    /// surrogate learns on the pool's scaled features, the acquisition scores every candidate that is not observed,
    /// failed, pending or already chosen, the initial design is seeded random candidates (<see cref="InitialDesign"/> is
    /// ignored), and <see cref="CandidateCount"/> applies only to Thompson sampling (candidates sampled jointly, at most
    /// 1024). Every observed, failed and pending parameter set must be a candidate of the pool.
    /// </summary>
    public CandidatePool? Pool { get; init; }

    /// <summary>
    /// The prior mean of each candidate of <see cref="Pool"/> (default null: a constant prior mean, the data's mean):
    /// the surrogate learns the residual of the measurements from it (pool mode only; one mean per candidate).
    /// </summary>
    public PoolPriorMean? PriorMean { get; init; }

    /// <summary>
    /// The default settings for a campaign with <paramref name="dimensions"/> parameters: a Sobol design of
    /// min(budget, 2 × dimensions) experiments, then a Gaussian process (Matérn 5/2 ARD with hyperpriors, 4 optimizer
    /// restarts) with the upper confidence bound μ + 1·σ of the next measurement, over 2048 candidates.
    /// </summary>
    /// <param name="dimensions">Parameters of the search space (at least 1 is used).</param>
    /// <param name="seed">Seed of every random choice.</param>
    /// <param name="budget">The campaign's budget, which caps the initial design (default: no cap).</param>
    public static ProposerSettings Default(int dimensions, int seed, int? budget = null) =>
        new(
            SurrogateKind.GaussianProcess,
            AcquisitionKind.UpperConfidenceBound,
            InitialDesignKind.Sobol,
            Math.Clamp(2 * dimensions, 1, Math.Max(1, budget ?? int.MaxValue)),
            seed);

    /// <summary>
    /// <see cref="Default"/> for a campaign with <paramref name="objectives"/> objectives: with two or more the
    /// acquisition is <see cref="AcquisitionKind.ExpectedHypervolumeImprovement"/>, otherwise as <see cref="Default"/>.
    /// </summary>
    /// <param name="dimensions">Parameters of the search space (at least 1 is used).</param>
    /// <param name="seed">Seed of every random choice.</param>
    /// <param name="budget">The campaign's budget, which caps the initial design (null: no cap).</param>
    /// <param name="objectives">How many objectives the campaign optimizes.</param>
    public static ProposerSettings DefaultFor(int dimensions, int seed, int? budget, int objectives)
    {
        var settings = Default(dimensions, seed, budget);
        return objectives >= 2 ? settings with { Acquisition = AcquisitionKind.ExpectedHypervolumeImprovement } : settings;
    }

    /// <summary>
    /// These settings for a campaign that starts from <paramref name="priorObservations"/> earlier measurements inside its
    /// space or pool (prior data): the initial design shrinks by that many, to no fewer than 0 experiments
    /// (<c>max(0, InitialCount - priorObservations)</c>). With at least two observations the model proposes from the
    /// first experiment on; with one, the rest of the initial design (or random points) comes first.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="priorObservations"/> is negative.</exception>
    public ProposerSettings WithPrior(int priorObservations)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(priorObservations);
        return priorObservations == 0 ? this : this with { InitialCount = Math.Max(0, InitialCount - priorObservations) };
    }
}
