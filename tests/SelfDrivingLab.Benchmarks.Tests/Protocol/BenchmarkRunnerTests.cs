using SelfDrivingLab.Benchmarks.Data;
using SelfDrivingLab.Benchmarks.Protocol;
using SelfDrivingLab.Benchmarks.Reports;
using SelfDrivingLab.Optimization.Acquisition;
using SelfDrivingLab.Optimization.Objectives;

namespace SelfDrivingLab.Benchmarks.Tests.Protocol;

public sealed class BenchmarkRunnerTests
{
    // 100 candidates on a line; y = x, so with "max" the best candidate is the last one and the top 5% are the last 5.
    private static readonly BenchmarkDataset Line = BenchmarkDataset.Create(
        "y", ["x"], [.. Enumerable.Range(0, 100).Select(i => new double[] { i })], [.. Enumerable.Range(0, 100).Select(i => (double)i)]);

    private static readonly Objective Maximize = new("y", ObjectiveGoal.Maximize);

    private static BenchmarkStrategy Oracle() => new("oracle", _ => new OracleSurrogate(x => x), new UpperConfidenceBound());

    [Fact]
    public void Run_OracleStrategy_FindsTop1AtFirstModelPickAndAllTop5ByInitialPlusFive()
    {
        var settings = new BenchmarkSettings { Seeds = 8, Budget = 20, Initial = 3, MaxParallelism = 2 };

        var report = BenchmarkRunner.Run(Line, Maximize, [Oracle()], settings);

        Assert.Equal(5, report.Top5Count);
        Assert.Equal(1, report.Top1Count);
        foreach (var trace in report.Traces["oracle"])
        {
            var initial = trace.Picks.Take(3).ToArray();
            Assert.Equal(initial.Contains(99) ? initial.ToList().IndexOf(99) + 1 : 4, trace.FirstTop1);
            Assert.True(trace.ExperimentsToReach(0.8) <= 3 + 4);
            Assert.Equal(1.0, trace.TopFraction[^1]);
            // After the initial design the oracle takes candidates best first.
            var modelPicks = trace.Picks.Skip(3).Take(5).ToArray();
            Assert.Equal(modelPicks.OrderDescending(), modelPicks);
        }
    }

    [Theory]
    [InlineData(1, 17)]
    [InlineData(4, 5)]
    public void Run_RefitEvery_FitsAfterThatManyNewMeasurementsAndWarmStartsLaterFits(int refitEvery, int expectedFits)
    {
        // Budget 20, initial 3: the model picks at data counts 3..19; fits at 3, 3 + k, 3 + 2k, ...
        var settings = new BenchmarkSettings { Seeds = 1, Budget = 20, Initial = 3, RefitEvery = refitEvery };
        var previous = new List<IReadOnlyDictionary<string, double>?>();
        var strategy = new BenchmarkStrategy(
            "oracle",
            (_, warm) =>
            {
                previous.Add(warm);
                return new OracleSurrogate(x => x, new Dictionary<string, double> { ["fit"] = previous.Count });
            },
            _ => new UpperConfidenceBound());

        BenchmarkRunner.Run(Line, Maximize, [strategy], settings);

        Assert.Equal(expectedFits, previous.Count);
        Assert.Null(previous[0]);
        Assert.Equal(Enumerable.Range(1, expectedFits - 1).Select(i => (double)i), previous.Skip(1).Select(h => h!["fit"]));
    }

    [Fact]
    public void Run_OracleStrategy_AccelerationFactorAgainstAnalyticRandom()
    {
        var settings = new BenchmarkSettings { Seeds = 5, Budget = 20, Initial = 1 };

        var report = BenchmarkRunner.Run(Line, Maximize, [Oracle()], settings);

        // Reaching Top% 0.8 needs 4 of the 5 good candidates; random needs 4·101/6 on average.
        Assert.Equal(4 * 101 / 6.0, report.RandomExpectedTo80, 12);
        var summary = report.Strategies["oracle"];
        Assert.NotNull(summary.MedianTo80);
        Assert.Equal(report.RandomExpectedTo80 / summary.MedianTo80!.Value, summary.Af80!.Value, 12);
        Assert.Null(summary.Af80Empirical);
    }

    [Fact]
    public void Run_SameSettings_IsReproducible_AndStrategiesShareInitialDesign()
    {
        var settings = new BenchmarkSettings { Seeds = 4, Budget = 15, Initial = 4, BaseSeed = 7 };
        var strategies = new[] { BenchmarkStrategy.Random, Oracle() };

        var first = BenchmarkRunner.Run(Line, Maximize, strategies, settings);
        var second = BenchmarkRunner.Run(Line, Maximize, strategies, settings with { MaxParallelism = 1 });

        for (var seed = 0; seed < 4; seed++)
        {
            Assert.Equal(first.Traces["random"][seed].Picks, second.Traces["random"][seed].Picks);
            Assert.Equal(first.Traces["random"][seed].Picks.Take(4), first.Traces["oracle"][seed].Picks.Take(4));
            Assert.Equal(15, first.Traces["random"][seed].Picks.Distinct().Count());
        }

        Assert.NotEqual(first.Traces["random"][0].Picks, first.Traces["random"][1].Picks);
    }

    [Fact]
    public void Run_MinimizeGoal_GoodSetIsSmallestValues()
    {
        var settings = new BenchmarkSettings { Seeds = 2, Budget = 10, Initial = 2 };
        var oracleMin = new BenchmarkStrategy("oracle-min", _ => new OracleSurrogate(x => -x), new UpperConfidenceBound());

        var report = BenchmarkRunner.Run(Line, new Objective("y", ObjectiveGoal.Minimize), [oracleMin], settings);

        Assert.All(report.Traces["oracle-min"], t => Assert.Equal(1.0, t.TopFraction[^1]));
    }

    [Fact]
    public void Run_ProgressCallback_CountsEveryExperiment()
    {
        var settings = new BenchmarkSettings { Seeds = 3, Budget = 10, Initial = 2 };
        long last = 0;
        var calls = 0;

        BenchmarkRunner.Run(Line, Maximize, [BenchmarkStrategy.Random], settings, p =>
        {
            Interlocked.Increment(ref calls);
            Interlocked.Exchange(ref last, Math.Max(Interlocked.Read(ref last), p.ExperimentsDone));
            Assert.Equal(30, p.ExperimentsTotal);
        });

        Assert.Equal(30, Interlocked.Read(ref last));
        Assert.Equal(33, calls);
    }

    [Fact]
    public void Run_SmokeWithRealSurrogates_ProducesConsistentReportAndJson()
    {
        // A small 2-D pool with one smooth peak.
        var rows = new List<double[]>();
        var targets = new List<double>();
        for (var i = 0; i < 8; i++)
        {
            for (var j = 0; j < 8; j++)
            {
                rows.Add([i, j]);
                targets.Add(-(((i - 5) * (i - 5)) + ((j - 2) * (j - 2))));
            }
        }

        var dataset = BenchmarkDataset.Create("y", ["a", "b"], rows, targets);
        var settings = new BenchmarkSettings { Seeds = 2, Budget = 12, Initial = 4 };
        var strategies = BenchmarkStrategy.ParseList("gp-ei,ridge-ucb,random");

        var report = BenchmarkRunner.Run(dataset, Maximize, strategies, settings);

        Assert.Equal(["gp-ei", "ridge-ucb", "random"], report.Strategies.Keys);
        foreach (var traces in report.Traces.Values)
        {
            Assert.All(traces, t =>
            {
                Assert.Equal(12, t.Picks.Distinct().Count());
                Assert.Equal(t.TopFraction.Order(), t.TopFraction);
                Assert.InRange(t.TopFraction[^1], 0, 1);
            });
        }

        var json = ReportJson.Serialize(report);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var gp = document.RootElement.GetProperty("strategies").GetProperty("gp-ei");
        foreach (var key in new[] { "median_to_top1", "median_to_top5", "af80", "top5_found", "top_curve", "campaigns" })
        {
            Assert.True(gp.TryGetProperty(key, out _), key);
        }
    }

    [Fact]
    public void Run_InvalidSettings_Throw()
    {
        Assert.Throws<ArgumentException>(() => BenchmarkRunner.Run(Line, Maximize, [BenchmarkStrategy.Random], new BenchmarkSettings { Budget = 3, Initial = 3 }));
        Assert.Throws<ArgumentException>(() => BenchmarkRunner.Run(Line, Maximize, [BenchmarkStrategy.Random, BenchmarkStrategy.Random], new BenchmarkSettings()));
    }
}
