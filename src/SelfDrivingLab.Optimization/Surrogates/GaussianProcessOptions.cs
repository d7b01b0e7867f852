using SelfDrivingLab.Optimization.Proposals;

namespace SelfDrivingLab.Optimization.Surrogates;

/// <summary>
/// Settings of <see cref="GaussianProcessSurrogate"/>. Variances are on the standardized y scale (y minus its mean,
/// divided by its standard deviation); length scales are on the unit cube. Immutable.
/// </summary>
public sealed record GaussianProcessOptions
{
    /// <summary>Covariance function (default Matérn 5/2).</summary>
    public KernelKind Kernel { get; init; } = KernelKind.Matern52;

    /// <summary>Optimizer starts: the first from a default point, the rest random (default 4, at least 1 is used).</summary>
    public int Restarts { get; init; } = 4;

    /// <summary>Seed of the random starts (default 0).</summary>
    public int Seed { get; init; }

    /// <summary>Smallest length scale (default 0.01).</summary>
    public double MinLengthScale { get; init; } = 0.01;

    /// <summary>Largest length scale (default 100: far beyond the unit cube, an input the output does not depend on).</summary>
    public double MaxLengthScale { get; init; } = 100;

    /// <summary>Smallest signal variance (default 0.01).</summary>
    public double MinSignalVariance { get; init; } = 0.01;

    /// <summary>Largest signal variance (default 100).</summary>
    public double MaxSignalVariance { get; init; } = 100;

    /// <summary>Smallest noise variance (default 1e-6).</summary>
    public double MinNoiseVariance { get; init; } = 1e-6;

    /// <summary>Largest noise variance (default 1).</summary>
    public double MaxNoiseVariance { get; init; } = 1;

    /// <summary>
    /// Hyperpriors: the fit maximizes the log posterior (log marginal likelihood + log prior) instead of the log marginal
    /// likelihood alone (default <see cref="GaussianProcessPriors.Default"/>; null: plain maximum likelihood).
    /// </summary>
    public GaussianProcessPriors? Priors { get; init; } = GaussianProcessPriors.Default;

    /// <summary>Iterations per optimizer start (default 100).</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>
    /// Warm start: hyperparameters of an earlier fit (<see cref="ISurrogateModel.Hyperparameters"/> of a GP model:
    /// <c>length_scale_i</c> for every input dimension, <c>signal_variance</c> and <c>noise_variance</c> in the units of
    /// y) used as the first optimizer start, clamped into the bounds; the default start and the random starts follow
    /// (default null: no warm start).
    /// </summary>
    public IReadOnlyDictionary<string, double>? InitialHyperparameters { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        Check(Restarts >= 0, nameof(Restarts), "must be >= 0");
        Check(MaxIterations >= 1, nameof(MaxIterations), "must be >= 1");
        Check(MinLengthScale > 0 && MinLengthScale < MaxLengthScale && double.IsFinite(MaxLengthScale), nameof(MinLengthScale), "must satisfy 0 < MinLengthScale < MaxLengthScale < ∞");
        Check(MinSignalVariance > 0 && MinSignalVariance < MaxSignalVariance && double.IsFinite(MaxSignalVariance), nameof(MinSignalVariance), "must satisfy 0 < MinSignalVariance < MaxSignalVariance < ∞");
        Check(MinNoiseVariance > 0 && MinNoiseVariance < MaxNoiseVariance && double.IsFinite(MaxNoiseVariance), nameof(MinNoiseVariance), "must satisfy 0 < MinNoiseVariance < MaxNoiseVariance < ∞");
        Check(Enum.IsDefined(Kernel), nameof(Kernel), "is not a known kernel");
        Check(InitialHyperparameters is null || InitialHyperparameters.Values.All(double.IsFinite), nameof(InitialHyperparameters), "must hold finite values");
        Priors?.Validate();
    }

    private static void Check(bool condition, string name, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"GaussianProcessOptions.{name} {rule}.", name);
        }
    }
}
