using SelfDrivingLab.Optimization.Objectives;

namespace SelfDrivingLab.Optimization.Tests.Objectives;

public sealed class ParetoFrontTests
{
    [Fact]
    public void Ranks_KnownTwoObjectiveSet_GivesLayeredFronts()
    {
        double[][] scores = [[1, 5], [2, 4], [3, 3], [2, 2], [1, 1], [3, 3], [0, 6]];

        var ranks = ParetoFront.Ranks(scores);

        Assert.Equal([0, 0, 0, 1, 2, 0, 0], ranks);
        Assert.Equal([0, 1, 2, 5, 6], ParetoFront.Front(scores));
    }

    [Fact]
    public void Front_ThreeObjectives_KeepsOnlyNonDominated()
    {
        double[][] scores = [[1, 0, 0], [0, 1, 0], [0, 0, 1], [0.5, 0.5, 0.5], [0.4, 0.4, 0.4], [1, 0, -1]];

        Assert.Equal([0, 1, 2, 3], ParetoFront.Front(scores));
        Assert.True(ParetoFront.Dominates(scores[3], scores[4]));
        Assert.False(ParetoFront.Dominates(scores[0], scores[0]));
    }

    [Fact]
    public void Ranks_RaggedVectors_ThrowArgumentException()
    {
        Assert.Throws<ArgumentException>(() => ParetoFront.Ranks([[1.0, 2.0], [1.0]]));
    }
}
