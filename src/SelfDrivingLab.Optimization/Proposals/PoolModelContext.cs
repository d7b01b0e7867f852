using System.Diagnostics;
using SelfDrivingLab.Optimization.Acquisition;
using SelfDrivingLab.Optimization.Feasibility;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Pools;
using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>
/// The fitted surrogate of one <see cref="PoolProposer.Propose"/> call: scores every candidate that is not
/// excluded (in chunks, so memory stays bounded for large pools) by the acquisition (of the predictive distribution of
/// its next measurement for EI and PI, see <see cref="IAcquisitionFunction.ComparesMeasurements"/>), and conditions
/// each pick into the model at its predicted mean (Kriging believer), as <see cref="ModelContext"/> does for a space.
/// Not thread-safe.
/// </summary>
internal sealed class PoolModelContext
{
    /// <summary>Candidates predicted at once.</summary>
    internal const int ChunkSize = 4096;

    private readonly ISurrogate _surrogate;
    private readonly ISurrogateModel _fitted;
    private readonly CandidatePool _pool;
    private readonly Objective _objective;
    private readonly IAcquisitionFunction? _acquisition;
    private readonly double _bestScore;
    private readonly int _candidateCount;
    private readonly FeasibilityClassifier? _feasibility;
    private readonly bool _nonNegative;
    private readonly PriorMeanOffset? _prior;
    private ISurrogateModel _current;

    private PoolModelContext(ISurrogate surrogate, ISurrogateModel fitted, CandidatePool pool, Objective objective, IAcquisitionFunction? acquisition, double bestScore, int candidateCount, FeasibilityClassifier? feasibility, PriorMeanOffset? prior)
    {
        _prior = prior;
        (_surrogate, _fitted, _current, _pool, _objective) = (surrogate, fitted, fitted, pool, objective);
        (_acquisition, _bestScore, _candidateCount, _feasibility) = (acquisition, bestScore, candidateCount, feasibility);
        _nonNegative = acquisition is ExpectedImprovement or ProbabilityOfImprovement;
    }

    public static PoolModelContext Create(
        SurrogateFitter fitter,
        CandidatePool pool,
        Objective objective,
        ProposerSettings settings,
        IReadOnlyList<(int Index, double Value)> observed,
        IReadOnlyList<int> fantasies,
        IReadOnlyList<int> failed,
        CancellationToken cancellationToken)
    {
        var x = observed.Select(o => pool.Features(o.Index)).ToArray();

        // With a prior mean the surrogate learns the residual; the offset is added back to every prediction.
        var prior = PriorMeanOffset.Fit(settings.PriorMean, observed);
        var (surrogate, fitted) = fitter.Fit(x, [.. observed.Select(o => o.Value - (prior?.Offset(o.Index) ?? 0))], cancellationToken);
        var scores = observed.Select(o => objective.Score(o.Value)).ToArray();
        var acquisition = AcquisitionFactory.Create(settings, scores);
        var feasibilityStarted = Stopwatch.GetTimestamp();
        var feasibility = failed.Count > 0 ? FeasibilityClassifier.Fit(x, [.. failed.Select(pool.Features)]) : null;
        if (feasibility is not null)
        {
            ProposerMetrics.Record(ProposerMetrics.FeasibilityFit, feasibilityStarted);
        }
        var context = new PoolModelContext(surrogate, fitted, pool, objective, acquisition, scores.Max(), settings.CandidateCount, feasibility, prior);
        foreach (var fantasy in fantasies)
        {
            context.Believe(pool.Features(fantasy));
        }

        return context;
    }

    /// <summary>The best candidate not in <paramref name="excluded"/> (at least one must be left), conditioned into the model.</summary>
    public (int Index, Proposal Proposal) Next(int seed, IReadOnlySet<int> excluded, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var available = Enumerable.Range(0, _pool.Count).Where(i => !excluded.Contains(i)).ToArray();
        var best = _acquisition is null ? Thompson(available, seed, cancellationToken) : Maximize(_acquisition, available, cancellationToken);
        ProposerMetrics.Record(ProposerMetrics.AcquisitionSearch, started);
        var features = _pool.Features(best.Index);
        _current = _current.Condition(features, best.Mean - Offset(best.Index));
        var provenance = new ProposalProvenance(
            ProposalProvenance.ModelStrategy,
            _surrogate.Name,
            _prior is null ? _fitted.Hyperparameters : new Dictionary<string, double>(_fitted.Hyperparameters) { ["prior_mean_scale"] = _prior.Scale },
            _fitted.DataCount,
            _acquisition?.Name ?? ThompsonSearch.Name,
            best.Value,
            best.Mean,
            best.StandardDeviation);
        return (best.Index, new Proposal(_pool.Candidates[best.Index], provenance));
    }

    private Pick Maximize(IAcquisitionFunction acquisition, int[] available, CancellationToken cancellationToken)
    {
        var best = new Pick(-1, double.NegativeInfinity, double.NaN, double.NaN, double.NaN);
        var bestRank = double.NegativeInfinity;
        var noise = acquisition.ComparesMeasurements ? _current.NoiseVariance : 0;
        foreach (var chunk in available.Chunk(ChunkSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var x = chunk.Select(_pool.Features).ToArray();
            var mean = new double[x.Length];
            var variance = new double[x.Length];
            _current.Predict(x, mean, variance);
            var probabilities = new double[x.Length];
            _feasibility?.ProbabilitiesOfSuccess(x, probabilities);
            for (var i = 0; i < x.Length; i++)
            {
                mean[i] += Offset(chunk[i]);
                var latentVariance = Math.Max(variance[i], 0) + (_prior?.Variance(chunk[i]) ?? 0);
                var (scoreMean, scoreSd) = ScoreDistribution.FromMeasured(_objective, mean[i], Math.Sqrt(latentVariance + noise));
                var rank = acquisition.RankingValue(scoreMean, scoreSd, _bestScore);
                var probability = _feasibility is null ? 1 : probabilities[i];
                if (_feasibility is not null)
                {
                    rank = FeasibilityWeighting.Ranking(rank, probability, _bestScore, _nonNegative);
                }

                rank = double.IsNaN(rank) ? double.NegativeInfinity : rank;

                // Strictly greater keeps the first (lowest-index) candidate on a tie, so the pick is deterministic.
                if (best.Index < 0 || rank > bestRank)
                {
                    var value = acquisition.Evaluate(scoreMean, scoreSd, _bestScore);
                    value = _feasibility is null ? value : FeasibilityWeighting.Value(value, probability, _bestScore, _nonNegative);
                    (best, bestRank) = (new Pick(chunk[i], value, mean[i], Math.Sqrt(latentVariance), probability), rank);
                }
            }
        }

        return best;
    }

    /// <summary>Thompson sampling over a seeded subset of at most <see cref="ThompsonSearch.MaxCandidates"/> available candidates.</summary>
    private Pick Thompson(int[] available, int seed, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        var subset = (int[])available.Clone();
        random.Shuffle(subset);
        subset = subset[..Math.Min(subset.Length, Math.Min(_candidateCount, ThompsonSearch.MaxCandidates))];
        cancellationToken.ThrowIfCancellationRequested();
        var x = subset.Select(_pool.Features).ToArray();
        var (sample, mean, sd) = ThompsonSearch.Sample(_current, x, random);
        for (var i = 0; i < subset.Length; i++)
        {
            // The prior mean shifts the sampled function; its own uncertainty is not sampled (it has no covariance).
            (sample[i], mean[i]) = (sample[i] + Offset(subset[i]), mean[i] + Offset(subset[i]));
        }

        var probabilities = new double[x.Length];
        _feasibility?.ProbabilitiesOfSuccess(x, probabilities);
        var best = new Pick(-1, double.NegativeInfinity, double.NaN, double.NaN, double.NaN);
        for (var i = 0; i < subset.Length; i++)
        {
            var value = _objective.Score(sample[i]);
            if (_feasibility is not null)
            {
                value = FeasibilityWeighting.Value(value, probabilities[i], _bestScore, nonNegative: false);
            }

            if (best.Index < 0 || value > best.Value)
            {
                best = new Pick(subset[i], value, mean[i], sd[i], 1);
            }
        }

        return best;
    }

    private double Offset(int index) => _prior?.Offset(index) ?? 0;

    /// <summary>Conditions the residual model on its own predicted mean at <paramref name="features"/> (no offset needed: it is a residual).</summary>
    private void Believe(double[] features)
    {
        var mean = new double[1];
        var variance = new double[1];
        _current.Predict([features], mean, variance);
        _current = _current.Condition(features, mean[0]);
    }

    private readonly record struct Pick(int Index, double Value, double Mean, double StandardDeviation, double Probability);
}
