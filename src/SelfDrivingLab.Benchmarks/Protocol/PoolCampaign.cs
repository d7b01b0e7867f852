using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.Benchmarks.Protocol;

/// <summary>Runs one seeded campaign of the pool protocol. Uses only its own state, so campaigns can run in parallel.</summary>
internal sealed class PoolCampaign(BenchmarkPool pool, BenchmarkStrategy strategy, BenchmarkSettings settings)
{
    public CampaignTrace Run(int seed, Action? onExperiment, CancellationToken cancellationToken)
    {
        var n = pool.Scores.Length;
        var budget = Math.Min(settings.Budget, n);
        var measured = new bool[n];
        var picks = new List<int>(budget);

        // The initial design depends on the seed only, so every strategy starts a seed from the same candidates.
        var initialRandom = new Random(SeedMix.Combine(settings.BaseSeed, seed, 0));
        var order = Enumerable.Range(0, n).ToArray();
        initialRandom.Shuffle(order);
        foreach (var index in order.Take(Math.Min(settings.Initial, budget)))
        {
            Measure(index);
        }

        var strategyRandom = new Random(SeedMix.Combine(settings.BaseSeed, seed, 1));
        var tracker = strategy.IsRandom ? null : new ModelTracker(strategy, SeedMix.Combine(settings.BaseSeed, seed, 2), settings.RefitEvery);
        while (picks.Count < budget)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var unmeasured = Enumerable.Range(0, n).Where(i => !measured[i]).ToArray();
            int next;
            if (tracker is null)
            {
                next = unmeasured[strategyRandom.Next(unmeasured.Length)];
            }
            else
            {
                // The surrogate, the incumbent and the margin scale all live on the (possibly warped) score scale.
                var scores = ScoreWarper.Apply(strategy.Warping, [.. picks.Select(i => pool.Scores[i])]);
                var model = tracker.Model(pool.Inputs, scores, picks, cancellationToken);
                var best = scores.Max();
                var acquisition = strategy.CreateAcquisition(StandardDeviation(scores));
                next = PoolSelector.Pick(model, acquisition, pool.Inputs, unmeasured, best);
            }

            Measure(next);
        }

        return Trace(seed, picks);

        void Measure(int index)
        {
            measured[index] = true;
            picks.Add(index);
            onExperiment?.Invoke();
        }
    }

    private static double StandardDeviation(double[] scores)
    {
        var mean = scores.Average();
        return Math.Sqrt(scores.Sum(s => (s - mean) * (s - mean)) / scores.Length);
    }

    private CampaignTrace Trace(int seed, List<int> picks)
    {
        var curve = new double[picks.Count];
        var found = 0;
        int? firstTop1 = null;
        int? firstTop5 = null;
        for (var k = 0; k < picks.Count; k++)
        {
            if (pool.Top5.Contains(picks[k]))
            {
                found++;
                firstTop5 ??= k + 1;
            }

            if (pool.Top1.Contains(picks[k]))
            {
                firstTop1 ??= k + 1;
            }

            curve[k] = (double)found / pool.Top5.Count;
        }

        return new CampaignTrace(seed, picks.ToArray().AsReadOnly(), curve.AsReadOnly(), firstTop1, firstTop5);
    }

    /// <summary>
    /// Keeps a fitted model, refitting hyperparameters every <see cref="BenchmarkSettings.RefitEvery"/> new measurements,
    /// each refit warm-started from the previous hyperparameters and seeded by the data count.
    /// </summary>
    private sealed class ModelTracker(BenchmarkStrategy strategy, int seed, int refitEvery)
    {
        private ISurrogateModel? _model;
        private int _fittedCount;
        private int _knownCount;

        /// <summary>The model of the measured candidates <paramref name="picks"/> with scores <paramref name="scores"/> (same order).</summary>
        public ISurrogateModel Model(double[][] inputs, double[] scores, List<int> picks, CancellationToken cancellationToken)
        {
            if (_model is null || picks.Count - _fittedCount >= refitEvery)
            {
                var surrogate = strategy.CreateSurrogate(SeedMix.Combine(seed, picks.Count, 3), _model?.Hyperparameters);
                _model = surrogate.Fit([.. picks.Select(i => inputs[i])], scores, cancellationToken);
                _fittedCount = _knownCount = picks.Count;
                return _model;
            }

            for (var k = _knownCount; k < picks.Count; k++)
            {
                // With warping the earlier scores' warped values drift as ranks change; they are refreshed at the next refit.
                _model = _model.Condition(inputs[picks[k]], scores[k]);
            }

            _knownCount = picks.Count;
            return _model;
        }
    }
}
