using SelfDrivingLab.Benchmarks.MultiObjective;

namespace SelfDrivingLab.Benchmarks.Tests.MultiObjective;

public sealed class MultiObjectiveBenchmarkTests
{
    [Fact]
    public void Run_SameSeedTwice_GivesTheSameHypervolume()
    {
        var problem = MultiObjectiveProblems.Dtlz2(4);

        var first = MultiObjectiveBenchmark.Run(problem, MultiObjectiveStrategy.Parego, seed: 3, experiments: 12);
        var second = MultiObjectiveBenchmark.Run(problem, MultiObjectiveStrategy.Parego, seed: 3, experiments: 12);

        Assert.Equal(first.Hypervolume, second.Hypervolume);
        Assert.InRange(first.Hypervolume, 0, problem.MaxHypervolume);
    }

    [Fact]
    public void Run_Ehvi_BeatsRandomOnBraninCurrin()
    {
        var problem = MultiObjectiveProblems.BraninCurrin;

        var ehvi = MultiObjectiveBenchmark.Run(problem, MultiObjectiveStrategy.Ehvi, seed: 0, experiments: 16, batch: 2);
        var random = MultiObjectiveBenchmark.Run(problem, MultiObjectiveStrategy.Random, seed: 0, experiments: 16, batch: 2);

        Assert.True(ehvi.Hypervolume > random.Hypervolume, $"EHVI {ehvi.Hypervolume} vs random {random.Hypervolume}");
    }
}
