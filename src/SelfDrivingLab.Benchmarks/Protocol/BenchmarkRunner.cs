using SelfDrivingLab.Benchmarks.Data;
using SelfDrivingLab.Benchmarks.Reports;
using SelfDrivingLab.Optimization.Objectives;

namespace SelfDrivingLab.Benchmarks.Protocol;

/// <summary>
/// The pool-based benchmark of Liang et al. (npj Comput. Mater. 7, 188, 2021): in each seeded campaign the product's
/// proposer (<see cref="Optimization.Proposals.ProposerFactory"/>, with the strategy's settings) first picks
/// <see cref="BenchmarkSettings.Initial"/> seeded random candidates, then one candidate per iteration among the
/// unmeasured ones, up to the budget; results are summarized per strategy. Campaigns run in parallel, each with its own
/// proposer, so a run is reproducible whatever the scheduling. Thread-safe (stateless).
/// </summary>
public static class BenchmarkRunner
{
    /// <summary>
    /// Runs every strategy on <paramref name="dataset"/>. <paramref name="onProgress"/> is called after every simulated
    /// experiment, from worker threads, concurrently: it must be thread-safe and cheap.
    /// </summary>
    public static BenchmarkReport Run(
        BenchmarkDataset dataset,
        Objective objective,
        IReadOnlyList<BenchmarkStrategy> strategies,
        BenchmarkSettings settings,
        Action<BenchmarkProgress>? onProgress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(strategies);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        if (strategies.Count == 0 || strategies.Select(s => s.Name).Distinct().Count() != strategies.Count)
        {
            throw new ArgumentException("Give at least one strategy, each once.", nameof(strategies));
        }

        if (dataset.CandidateCount <= settings.Initial)
        {
            throw new ArgumentException($"The pool has {dataset.CandidateCount} candidates; it needs more than the {settings.Initial} initial ones.", nameof(dataset));
        }

        var pool = new BenchmarkPool(dataset, objective);
        var budget = Math.Min(settings.Budget, pool.Candidates.Count);
        var traces = new CampaignTrace[strategies.Count, settings.Seeds];
        var campaigns = strategies.Count * settings.Seeds;
        long experimentsTotal = (long)campaigns * budget;
        long experimentsDone = 0;
        var campaignsDone = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = settings.MaxParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, campaigns, options, job =>
        {
            var (s, seed) = (job / settings.Seeds, job % settings.Seeds);
            var campaign = new PoolCampaign(pool, objective, strategies[s], settings);
            traces[s, seed] = campaign.Run(seed, OnExperiment, cancellationToken);
            Interlocked.Increment(ref campaignsDone);
            Report();
        });

        return Summarize(dataset, strategies, settings, pool, budget, traces);

        void OnExperiment()
        {
            Interlocked.Increment(ref experimentsDone);
            Report();
        }

        void Report()
        {
            if (onProgress is null)
            {
                return;
            }
            var done = Volatile.Read(ref experimentsDone);
            onProgress(new BenchmarkProgress(done, experimentsTotal, Volatile.Read(ref campaignsDone), campaigns));
        }
    }

    private static BenchmarkReport Summarize(
        BenchmarkDataset dataset, IReadOnlyList<BenchmarkStrategy> strategies, BenchmarkSettings settings, BenchmarkPool pool, int budget, CampaignTrace[,] traces)
    {
        var n = pool.Candidates.Count;
        var randomExpected = StrategySummarizer.RandomExpectedExperiments(n, pool.Top5.Count, BenchmarkSettings.GoalLevel);
        var byName = new Dictionary<string, IReadOnlyList<CampaignTrace>>(StringComparer.Ordinal);
        for (var s = 0; s < strategies.Count; s++)
        {
            byName[strategies[s].Name] = Enumerable.Range(0, settings.Seeds).Select(seed => traces[s, seed]).ToArray();
        }

        double? randomMedian = null;
        if (byName.TryGetValue(BenchmarkStrategy.Random.Name, out var randomTraces))
        {
            randomMedian = StrategySummarizer.Summarize("random", randomTraces, n, randomExpected, null, settings.Checkpoints).MedianTo80;
        }

        var summaries = strategies.ToDictionary(
            s => s.Name,
            s => StrategySummarizer.Summarize(s.Name, byName[s.Name], n, randomExpected, randomMedian, settings.Checkpoints),
            StringComparer.Ordinal);
        return new BenchmarkReport(dataset.ToString(), n, budget, settings.Initial, settings.Seeds, pool.Top5.Count, pool.Top1.Count, randomExpected, summaries, byName);
    }
}
