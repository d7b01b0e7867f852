using SelfDrivingLab.Optimization.Pools;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>
/// A <see cref="PoolPriorMean"/> fitted to the measurements of one proposal: the offset s·m(x) of each candidate that
/// the surrogate's residual is added to, and the variance it adds. Immutable and thread-safe.
/// </summary>
internal sealed class PriorMeanOffset
{
    private readonly PoolPriorMean _prior;

    private PriorMeanOffset(PoolPriorMean prior, double scale) => (_prior, Scale) = (prior, scale);

    /// <summary>The factor s on the prior mean (1 unless <see cref="PriorMeanScaling.Learned"/>).</summary>
    public double Scale { get; }

    /// <summary>The offset of the measurements <paramref name="observed"/> (pool index, value); null without a prior mean.</summary>
    public static PriorMeanOffset? Fit(PoolPriorMean? prior, IReadOnlyList<(int Index, double Value)> observed) =>
        prior is null ? null : new PriorMeanOffset(prior, prior.Scaling == PriorMeanScaling.Learned ? LearnedScale(prior, observed) : 1);

    /// <summary>
    /// The posterior mean of s in y − ȳ = s·(m − m̄) + ε with s ~ N(1, 1) and ε ~ N(0, var(y)) — the data's variance
    /// as a conservative noise level, so that s moves from 1 only as far as the measurements' spread supports — and
    /// at least 0 (a model is not used upside down: an anti-correlated one is switched off).
    /// </summary>
    internal static double LearnedScale(PoolPriorMean prior, IReadOnlyList<(int Index, double Value)> observed)
    {
        if (observed.Count < 2)
        {
            return 1;
        }

        var meanY = observed.Average(o => o.Value);
        var meanM = observed.Average(o => prior.Means[o.Index]);
        double cross = 0, squares = 0, variance = 0;
        foreach (var (index, value) in observed)
        {
            var (dm, dy) = (prior.Means[index] - meanM, value - meanY);
            (cross, squares, variance) = (cross + (dm * dy), squares + (dm * dm), variance + (dy * dy));
        }

        variance /= observed.Count;
        return variance <= 0 ? 1 : Math.Max(0, (cross + variance) / (squares + variance));
    }

    /// <summary>s·m(x) of candidate <paramref name="index"/>.</summary>
    public double Offset(int index) => Scale * _prior.Means[index];

    /// <summary>(s·u(x))² of candidate <paramref name="index"/> when the prior's uncertainty is added, else 0.</summary>
    public double Variance(int index) =>
        _prior.AddUncertainty && _prior.Uncertainties is { } u ? Scale * Scale * u[index] * u[index] : 0;
}
