using SelfDrivingLab.Benchmarks.Data;
using SelfDrivingLab.Benchmarks.Protocol;
using SelfDrivingLab.Benchmarks.Reports;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Pools;
using SelfDrivingLab.Optimization.Proposals;

namespace SelfDrivingLab.Benchmarks.Tests.Protocol;

public sealed class BenchmarkRunnerTests
{
    // 100 candidates on a line; y = x, so with "max" the best candidate is the last one and the top 5% are the last 5.
    private static readonly BenchmarkDataset Line = BenchmarkDataset.Create(
        "y", ["x"], [.. Enumerable.Range(0, 100).Select(i => new double[] { i })], [.. Enumerable.Range(0, 100).Select(i => (double)i)]);

    private static readonly Objective Maximize = new("y", ObjectiveGoal.Maximize);

    /// <summary>An 8 × 8 grid with one smooth peak at (5, 2).</summary>
    private static BenchmarkDataset Peak()
    {
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

        return BenchmarkDataset.Create("y", ["a", "b"], rows, targets);
    }

    [Fact]
    public void Run_Campaign_IsTheProductProposerAskedForOneCandidateAtATime()
    {
        var dataset = Peak();
        var strategy = BenchmarkStrategy.Parse("default");
        var settings = new BenchmarkSettings { Seeds = 2, Budget = 12, Initial = 3, BaseSeed = 5 };

        var report = BenchmarkRunner.Run(dataset, Maximize, [strategy], settings);

        var candidates = Enumerable.Range(0, dataset.CandidateCount).Select(i => new ParameterSet([new("candidate", ParameterValue.FromNumber(i))])).ToArray();
        var pool = new CandidatePool(candidates, dataset.Inputs);
        for (var seed = 0; seed < 2; seed++)
        {
            var proposer = ProposerFactory.Create(pool, Maximize, strategy.Settings with { Seed = 5 + seed, InitialCount = 3 });
            var observations = new List<Observation>();
            var picks = new List<int>();
            while (picks.Count < 12)
            {
                var proposal = Assert.Single(proposer.Propose(new ProposalRequest(observations, [], picks.Count, 1)));
                picks.Add(pool.IndexOf(proposal.Parameters));
                observations.Add(new Observation(proposal.Parameters, dataset.Targets[picks[^1]]));
            }

            Assert.Equal(picks, report.Traces["default"][seed].Picks);
        }
    }

    [Fact]
    public void Run_AccelerationFactor_IsAnalyticRandomExpectationOverTheMedian()
    {
        var settings = new BenchmarkSettings { Seeds = 5, Budget = 40, Initial = 2 };

        var report = BenchmarkRunner.Run(Line, Maximize, [BenchmarkStrategy.Parse("gp-ucb")], settings);

        // Reaching Top% 0.8 needs 4 of the 5 good candidates; random needs 4·101/6 on average.
        Assert.Equal(4 * 101 / 6.0, report.RandomExpectedTo80, 12);
        var summary = report.Strategies["gp-ucb"];
        Assert.NotNull(summary.MedianTo80);
        Assert.Equal(report.RandomExpectedTo80 / summary.MedianTo80!.Value, summary.Af80!.Value, 12);
        Assert.Null(summary.Af80Empirical);
    }

    [Fact]
    public void Run_SameSettings_IsReproducible_AndStrategiesShareTheSeededInitialCandidates()
    {
        var settings = new BenchmarkSettings { Seeds = 4, Budget = 15, Initial = 4, BaseSeed = 7 };
        var strategies = BenchmarkStrategy.ParseList("random,gp-ucb");

        var first = BenchmarkRunner.Run(Line, Maximize, strategies, settings);
        var second = BenchmarkRunner.Run(Line, Maximize, strategies, settings with { MaxParallelism = 1 });

        for (var seed = 0; seed < 4; seed++)
        {
            Assert.Equal(first.Traces["random"][seed].Picks, second.Traces["random"][seed].Picks);
            Assert.Equal(first.Traces["gp-ucb"][seed].Picks, second.Traces["gp-ucb"][seed].Picks);
            Assert.Equal(first.Traces["random"][seed].Picks.Take(4), first.Traces["gp-ucb"][seed].Picks.Take(4));
            Assert.Equal(15, first.Traces["random"][seed].Picks.Distinct().Count());
        }

        Assert.NotEqual(first.Traces["random"][0].Picks, first.Traces["random"][1].Picks);
    }

    [Fact]
    public void Run_StopAtGoal_EndsEachCampaignAtTop80WithTheSameCount()
    {
        var full = new BenchmarkSettings { Seeds = 4, Budget = 100, Initial = 2 };
        var strategies = BenchmarkStrategy.ParseList("gp-ei,random");

        var complete = BenchmarkRunner.Run(Line, Maximize, strategies, full);
        var stopped = BenchmarkRunner.Run(Line, Maximize, strategies, full with { StopAtGoal = true });

        foreach (var name in new[] { "gp-ei", "random" })
        {
            for (var seed = 0; seed < 4; seed++)
            {
                var (a, b) = (complete.Traces[name][seed], stopped.Traces[name][seed]);
                Assert.Equal(a.ExperimentsToReach(0.8), b.ExperimentsToReach(0.8));
                Assert.Equal(b.ExperimentsToReach(0.8), b.Picks.Count);
                Assert.Equal(a.Picks.Take(b.Picks.Count), b.Picks);
                Assert.Equal(a.FirstTop5, b.FirstTop5);
                Assert.True(b.StoppedAtGoal);
            }

            Assert.Equal(complete.Strategies[name].MedianTo80, stopped.Strategies[name].MedianTo80);
            Assert.Equal(complete.Strategies[name].Af80, stopped.Strategies[name].Af80);
            Assert.Empty(stopped.Strategies[name].Checkpoints);
            Assert.Null(stopped.Strategies[name].MedianToTop1);
            Assert.Null(stopped.Strategies[name].Top5Found);
        }

        Assert.Contains("\"stopped_at_goal\": true", ReportJson.Serialize(stopped), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MinimizeGoal_GoodSetIsSmallestValues()
    {
        var settings = new BenchmarkSettings { Seeds = 2, Budget = 100, Initial = 2 };

        var report = BenchmarkRunner.Run(Line, new Objective("y", ObjectiveGoal.Minimize), [BenchmarkStrategy.Random], settings);

        Assert.All(report.Traces["random"], t =>
        {
            Assert.Equal(1.0, t.TopFraction[^1]);
            var lastGood = t.Picks.Select((candidate, k) => (candidate, k)).Where(p => p.candidate < 5).Max(p => p.k);
            Assert.Equal(1.0, t.TopFraction[lastGood]);
            Assert.True(t.TopFraction[lastGood - 1] < 1.0);
        });
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
        var settings = new BenchmarkSettings { Seeds = 2, Budget = 12, Initial = 4 };
        var strategies = BenchmarkStrategy.ParseList("default,gp-ei,ridge-ucb,random");

        var report = BenchmarkRunner.Run(Peak(), Maximize, strategies, settings);

        Assert.Equal(["default", "gp-ei", "ridge-ucb", "random"], report.Strategies.Keys);
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
