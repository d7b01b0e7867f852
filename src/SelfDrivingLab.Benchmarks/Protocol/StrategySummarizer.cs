using SelfDrivingLab.Benchmarks.Reports;

namespace SelfDrivingLab.Benchmarks.Protocol;

/// <summary>Turns the campaigns of one strategy into a <see cref="StrategySummary"/>.</summary>
internal static class StrategySummarizer
{
    public static StrategySummary Summarize(
        string strategy, IReadOnlyList<CampaignTrace> traces, int candidates, double randomExpectedTo80, double? randomMedianTo80, IReadOnlyList<double> checkpoints)
    {
        // A campaign stopped at the goal says nothing about what came after: the first top-1% candidate (if not yet
        // found), the Top% curve and the final Top% are then not reported. The first top-5% candidate always comes
        // before the goal, so it is exact.
        var stopped = traces.Any(t => t.StoppedAtGoal);
        var budget = traces.Max(t => t.TopFraction.Count);
        var top1 = traces.Select(t => Reached(t.FirstTop1)).ToArray();
        var top5 = traces.Select(t => Reached(t.FirstTop5)).ToArray();
        var to80 = traces.Select(t => Reached(t.ExperimentsToReach(BenchmarkSettings.GoalLevel))).ToArray();
        var medianTo80 = Finite(Quantiles.Of(to80, 0.5));
        var points = stopped ? [] : checkpoints
            .Select(c => Math.Clamp((int)Math.Round(c * budget), 1, budget))
            .Distinct()
            .Select(n =>
            {
                var values = traces.Select(t => t.TopFraction[n - 1]).ToArray();
                var median = Quantiles.Of(values, 0.5);
                return new CheckpointSummary(n, median, Quantiles.Of(values, 0.05), Quantiles.Of(values, 0.95), median / ((double)n / candidates));
            })
            .ToArray();
        return new StrategySummary(
            strategy,
            traces.Count,
            stopped ? null : Finite(Quantiles.Of(top1, 0.5)),
            stopped ? new Band(null, null) : BandOf(top1),
            top1.Count(double.IsFinite),
            Finite(Quantiles.Of(top5, 0.5)),
            BandOf(top5),
            medianTo80,
            BandOf(to80),
            to80.Count(double.IsFinite),
            stopped ? null : Quantiles.Of(traces.Select(t => t.TopFraction[^1]), 0.5),
            points,
            medianTo80 is { } m ? randomExpectedTo80 / m : null,
            medianTo80 is { } s && randomMedianTo80 is { } r ? r / s : null);
    }

    /// <summary>m·(N+1)/(G+1): the expected position of the m-th of G marked items in a uniformly random order of N.</summary>
    public static double RandomExpectedExperiments(int candidates, int goodCount, double level)
    {
        var needed = Math.Max(1, (int)Math.Ceiling((level * goodCount) - 1e-9));
        return needed * (candidates + 1.0) / (goodCount + 1.0);
    }

    private static double Reached(int? experiments) => experiments ?? double.PositiveInfinity;

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static Band BandOf(double[] values) => new(Finite(Quantiles.Of(values, 0.05)), Finite(Quantiles.Of(values, 0.95)));
}
