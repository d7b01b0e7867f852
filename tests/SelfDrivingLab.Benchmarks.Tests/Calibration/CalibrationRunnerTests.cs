using SelfDrivingLab.Benchmarks.Calibration;
using SelfDrivingLab.Benchmarks.Data;
using SelfDrivingLab.Benchmarks.Protocol;

namespace SelfDrivingLab.Benchmarks.Tests.Calibration;

public sealed class CalibrationRunnerTests
{
    /// <summary>
    /// <paramref name="designs"/> designs on [0, 1] with a smooth truth sin(3x), each measured <paramref name="replicates"/>
    /// times with Gaussian noise of standard deviation <paramref name="noise"/> (seeded).
    /// </summary>
    private static BenchmarkDataset NoisyLine(int designs, int replicates, double noise, int seed)
    {
        var random = new Random(seed);
        var rows = new List<double[]>();
        var targets = new List<double>();
        for (var i = 0; i < designs; i++)
        {
            var x = i / (designs - 1.0);
            for (var r = 0; r < replicates; r++)
            {
                rows.Add([x]);
                var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                targets.Add(Math.Sin(3 * x) + (noise * normal));
            }
        }

        return BenchmarkDataset.Create("y", ["x"], rows, targets);
    }

    [Fact]
    public void Run_EveryCandidateHeldOutOncePerRepeat_TestsEveryMeasurement()
    {
        var dataset = NoisyLine(30, 3, 0.1, 1);
        var settings = new CalibrationSettings { Folds = 3, Repeats = 2, MaxTraining = 10 };

        var report = CalibrationRunner.Run(dataset, BenchmarkStrategy.Parse("default"), settings);

        Assert.Equal(6, report.Fits);
        Assert.Equal(2 * 90, report.HeldOut.Tests);
        Assert.Equal(6 * 10 * 2, report.Replicates!.Value.Tests);
        Assert.Equal(10, report.MedianTraining);
    }

    [Fact]
    public void Run_GaussianNoiseWithKnownSd_EstimatesTheNoiseAndCoversNearTheLevel()
    {
        var dataset = NoisyLine(60, 4, 0.2, 2);
        var settings = new CalibrationSettings { Folds = 4, Repeats = 1, MaxTraining = 45 };

        var report = CalibrationRunner.Run(dataset, BenchmarkStrategy.Parse("default"), settings);

        Assert.InRange(report.MedianNoiseStandardDeviation, 0.15, 0.26);
        Assert.InRange(report.PooledReplicateStandardDeviation!.Value, 0.17, 0.23);
        Assert.InRange(report.Replicates!.Value.Fraction, 0.85, 0.95);
        Assert.InRange(report.HeldOut.Fraction, 0.85, 0.95);
    }

    [Fact]
    public void Run_NoReplicates_ReportsNoReplicateFigures()
    {
        var dataset = BenchmarkDataset.Create("y", ["x"], [.. Enumerable.Range(0, 20).Select(i => new double[] { i })], [.. Enumerable.Range(0, 20).Select(i => Math.Sqrt(i))]);

        var report = CalibrationRunner.Run(dataset, BenchmarkStrategy.Parse("gp-ei"), new CalibrationSettings { Folds = 2, Repeats = 1 });

        Assert.Null(report.Replicates);
        Assert.Null(report.PooledReplicateStandardDeviation);
        Assert.Equal(20, report.HeldOut.Tests);
    }

    [Fact]
    public void Coverage_Sum_AddsCountsAndFractionIsTheirRatio()
    {
        var sum = new Coverage(10, 9) + new Coverage(30, 27);

        Assert.Equal(new Coverage(40, 36), sum);
        Assert.Equal(0.9, sum.Fraction, 12);
        Assert.True(double.IsNaN(default(Coverage).Fraction));
    }

    [Fact]
    public void Run_PoolTooSmallForTheFolds_Throws()
    {
        var dataset = NoisyLine(5, 1, 0.1, 3);

        Assert.Throws<ArgumentException>(() => CalibrationRunner.Run(dataset, BenchmarkStrategy.Parse("default"), new CalibrationSettings { Folds = 5 }));
    }
}
