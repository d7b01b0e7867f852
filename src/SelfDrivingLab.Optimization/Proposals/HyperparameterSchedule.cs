using System.Diagnostics;
using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>
/// When a proposer's Gaussian process refits its hyperparameters, and what it does in between. Up to
/// <see cref="FreshFitsUpTo"/> observations every proposal fits afresh. Beyond, the observations are walked in order,
/// one at a time: each is conditioned into the model with the hyperparameters of the last fit (the rank-one extension
/// of <see cref="GaussianProcessModel.Condition"/>, O(n²) instead of an O(n³) factorization per likelihood evaluation),
/// and the hyperparameters are refitted on the observations so far when either
/// <list type="bullet">
/// <item>the data have grown by <see cref="GrowthRatio"/> since the last fit (at least <see cref="MinimumGap"/>
/// observations): a schedule whose refits get rarer as each new point changes the fit less, or</item>
/// <item>the likelihood degrades: the mean log predictive density of the observations added since the last fit (each
/// predicted from the ones before it, i.e. their share of the log marginal likelihood) falls more than
/// <see cref="DegradationThreshold"/> nats below the per-point log marginal likelihood at the fit, over at least
/// <see cref="MinimumEvidence"/> new observations — the data have stopped looking like the fitted function.</item>
/// </list>
/// The state after n observations is a function of the first n observations, in the order given, alone (the walk is
/// replayed from the first scheduled fit when a request does not extend the walk cached from the previous one), so a
/// restarted proposer given the same observations in the same order proposes the same. (A campaign resumed from its
/// ledger lists its results in experiment order; with several experiments in flight they may have arrived in another
/// order, and the hyperparameters after the resume can then differ slightly from an uninterrupted run's.) Thread-safe.
/// </summary>
internal sealed class HyperparameterSchedule(ISurrogate surrogate)
{
    /// <summary>Observations up to which every proposal fits afresh; the walk starts from a fit on this many.</summary>
    internal const int FreshFitsUpTo = 24;

    /// <summary>Relative growth of the data that schedules a refit.</summary>
    internal const double GrowthRatio = 0.25;

    /// <summary>Fewest observations between scheduled refits.</summary>
    internal const int MinimumGap = 4;

    /// <summary>Nats per observation by which the new observations may be explained worse than the fitted ones.</summary>
    internal const double DegradationThreshold = 0.5;

    /// <summary>New observations needed before the likelihood trigger may fire.</summary>
    internal const int MinimumEvidence = 3;

    private readonly Lock _gate = new();
    private Walk? _walk;
    private int _fullFits;

    /// <summary>Full hyperparameter fits made so far (for tests and benchmarks).</summary>
    public int FullFits => Volatile.Read(ref _fullFits);

    /// <summary>The model of the first <c>x.Length</c> observations under the schedule.</summary>
    public ISurrogateModel Fit(double[][] x, double[] y, CancellationToken cancellationToken)
    {
        if (x.Length <= FreshFitsUpTo)
        {
            return FitAfresh(x, y, x.Length, cancellationToken);
        }

        lock (_gate)
        {
            var walk = _walk is { } cached && cached.Extends(x, y) ? cached : Start(x, y, cancellationToken);
            while (walk.Count < x.Length)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var started = Stopwatch.GetTimestamp();
                walk.Add(x[walk.Count], y[walk.Count]);
                ProposerMetrics.Record(ProposerMetrics.Conditioning, started);
                if (walk.NeedsRefit)
                {
                    walk = Start(x, y, walk.Count, cancellationToken);
                }
            }

            _walk = walk;
            return walk.Model;
        }
    }

    private Walk Start(double[][] x, double[] y, CancellationToken cancellationToken) => Start(x, y, FreshFitsUpTo, cancellationToken);

    private Walk Start(double[][] x, double[] y, int count, CancellationToken cancellationToken)
    {
        var model = FitAfresh(x, y, count, cancellationToken);
        return new Walk(model, x[..count], y[..count]);
    }

    private ISurrogateModel FitAfresh(double[][] x, double[] y, int count, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var model = surrogate.Fit(count == x.Length ? x : x[..count], count == y.Length ? y : y[..count], cancellationToken);
        ProposerMetrics.Record(ProposerMetrics.HyperparameterFit, started);
        Interlocked.Increment(ref _fullFits);
        return model;
    }

    /// <summary>The observations walked so far and the model conditioned on them since the last fit.</summary>
    private sealed class Walk
    {
        private readonly List<double[]> _x;
        private readonly List<double> _y;
        private readonly int _fittedCount;
        private readonly double _fittedLogLikelihoodPerPoint;
        private readonly double _scale;
        private double _newLogDensity;

        public Walk(ISurrogateModel model, double[][] x, double[] y)
        {
            Model = model;
            _x = [.. x];
            _y = [.. y];
            _fittedCount = x.Length;
            _fittedLogLikelihoodPerPoint = model.Hyperparameters.TryGetValue("log_marginal_likelihood", out var lml) ? lml / x.Length : double.NaN;
            _scale = model is GaussianProcessModel gp ? gp.YScale : 1;
        }

        public ISurrogateModel Model { get; private set; }

        public int Count => _x.Count;

        /// <summary>Mean log predictive density (standardized units) of the observations added since the fit.</summary>
        public double NewLogDensityPerPoint => Count == _fittedCount ? double.NaN : _newLogDensity / (Count - _fittedCount);

        public bool NeedsRefit
        {
            get
            {
                var added = Count - _fittedCount;
                if (added >= Math.Max(MinimumGap, (int)Math.Ceiling(GrowthRatio * _fittedCount)))
                {
                    return true;
                }

                return added >= MinimumEvidence && NewLogDensityPerPoint < _fittedLogLikelihoodPerPoint - DegradationThreshold;
            }
        }

        public bool Extends(double[][] x, double[] y)
        {
            if (x.Length < Count)
            {
                return false;
            }

            for (var i = 0; i < Count; i++)
            {
                if (y[i] != _y[i] || !x[i].AsSpan().SequenceEqual(_x[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public void Add(double[] x, double y)
        {
            var mean = new double[1];
            var variance = new double[1];
            Model.Predict([x], mean, variance);
            var predictive = Math.Max(variance[0], 0) + Model.NoiseVariance;
            var residual = y - mean[0];
            // log N(y; μ, s²) on the standardized scale of the fit: the raw density times the scale.
            _newLogDensity += (-0.5 * Math.Log(2 * Math.PI * predictive)) - (0.5 * residual * residual / predictive) + Math.Log(_scale);
            Model = Model.Condition(x, y);
            _x.Add(x);
            _y.Add(y);
        }
    }
}
