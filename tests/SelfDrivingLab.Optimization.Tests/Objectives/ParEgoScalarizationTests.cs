using SelfDrivingLab.Optimization.Objectives;

namespace SelfDrivingLab.Optimization.Tests.Objectives;

public sealed class ParEgoScalarizationTests
{
    private static readonly Objective[] TwoMaximized = [new("a", ObjectiveGoal.Maximize), new("b", ObjectiveGoal.Maximize)];

    [Fact]
    public void Costs_EqualWeights_MatchAugmentedChebyshevByHand()
    {
        var parego = new ParEgoScalarization(TwoMaximized, rho: 0.05);

        var costs = parego.Costs([[0.0, 10.0], [10.0, 0.0], [5.0, 5.0]], [0.5, 0.5]);

        // Normalized costs (0 = best): (1, 0), (0, 1), (0.5, 0.5); c = max_j λ_j c_j + ρ Σ_j λ_j c_j.
        Assert.Equal(0.5 + (0.05 * 0.5), costs[0], 12);
        Assert.Equal(0.5 + (0.05 * 0.5), costs[1], 12);
        Assert.Equal(0.25 + (0.05 * 0.5), costs[2], 12);
    }

    [Fact]
    public void Costs_MinimizeGoal_TreatsSmallerAsBetter()
    {
        var parego = new ParEgoScalarization([new("cost", ObjectiveGoal.Minimize), new("yield", ObjectiveGoal.Maximize)], rho: 0);

        var costs = parego.Costs([[1.0, 1.0], [3.0, 1.0]], [1.0, 0.0]);

        Assert.Equal([0.0, 1.0], costs);
    }

    [Fact]
    public void RandomWeights_SameSeed_SameDistributionOnSimplex()
    {
        var parego = new ParEgoScalarization([.. TwoMaximized, new Objective("c", ObjectiveGoal.Minimize)]);

        var first = parego.RandomWeights(new Random(3));
        var second = parego.RandomWeights(new Random(3));

        Assert.Equal(first, second);
        Assert.Equal(1, first.Sum(), 12);
        Assert.All(first, w => Assert.InRange(w, 0, 1));
    }

    [Fact]
    public void Constructor_OneObjective_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new ParEgoScalarization([TwoMaximized[0]]));
    }
}
