using SelfDrivingLab.Optimization.Objectives;

namespace SelfDrivingLab.Optimization.Tests.Objectives;

public sealed class HypervolumeTests
{
    private static IReadOnlyList<double>[] Points(params double[][] points) => [.. points];

    [Fact]
    public void Compute_TwoObjectiveStaircase_IsTheSumOfItsSteps()
    {
        // Steps of width 1 and heights 3, 2, 1 above (0, 0).
        Assert.Equal(6, Hypervolume.Compute(Points([1, 3], [2, 2], [3, 1]), [0, 0]), 12);
    }

    [Fact]
    public void Compute_DominatedAndSubReferencePoints_AddNothing()
    {
        var front = Points([1, 3], [2, 2], [3, 1]);
        var more = Points([1, 3], [2, 2], [3, 1], [1, 1], [-1, 5], [2, 2]);

        Assert.Equal(Hypervolume.Compute(front, [0, 0]), Hypervolume.Compute(more, [0, 0]), 12);
        Assert.Equal(0, Hypervolume.Compute(Points(), [0, 0]));
    }

    [Fact]
    public void Compute_ShiftedReference_IsTheAreaAboveIt()
    {
        // (4,5) and (6,2) above (1,1): 3·4 + (6-4)·(2-1) = 14.
        Assert.Equal(14, Hypervolume.Compute(Points([4, 5], [6, 2]), [1, 1]), 12);
    }

    [Fact]
    public void Compute_ThreeObjectives_MatchesInclusionExclusionByHand()
    {
        Assert.Equal(24, Hypervolume.Compute(Points([2, 3, 4]), [0, 0, 0]), 12);

        // Boxes 2·2·1 and 1·1·2 overlapping in the unit cube: 4 + 2 - 1.
        Assert.Equal(5, Hypervolume.Compute(Points([2, 2, 1], [1, 1, 2]), [0, 0, 0]), 12);

        // Three boxes of volume 3, pairwise and triple overlaps the unit cube: 9 - 3 + 1.
        Assert.Equal(7, Hypervolume.Compute(Points([3, 1, 1], [1, 3, 1], [1, 1, 3]), [0, 0, 0]), 12);
    }

    [Fact]
    public void Compute_TwoObjectivesBySorting_AgreesWithThreeObjectiveSlicing()
    {
        var random = new Random(3);
        for (var trial = 0; trial < 20; trial++)
        {
            var points = Enumerable.Range(0, random.Next(1, 12)).Select(_ => new[] { random.NextDouble() * 4, random.NextDouble() * 4 }).ToArray();
            var lifted = points.Select(p => (IReadOnlyList<double>)new[] { p[0], p[1], 1.0 }).ToArray();

            Assert.Equal(Hypervolume.Compute(points, [0.5, 0.25]), Hypervolume.Compute(lifted, [0.5, 0.25, 0]), 10);
        }
    }

    [Fact]
    public void Compute_FourObjectives_AgreesWithMonteCarlo()
    {
        var random = new Random(11);
        var points = Enumerable.Range(0, 8).Select(_ => (IReadOnlyList<double>)Enumerable.Range(0, 4).Select(_ => random.NextDouble()).ToArray()).ToArray();
        const int samples = 400_000;
        var inside = 0;
        for (var s = 0; s < samples; s++)
        {
            var z = Enumerable.Range(0, 4).Select(_ => random.NextDouble()).ToArray();
            inside += points.Any(p => Enumerable.Range(0, 4).All(j => p[j] >= z[j])) ? 1 : 0;
        }

        var estimate = (double)inside / samples;
        var standardError = Math.Sqrt(estimate * (1 - estimate) / samples);
        var exact = Hypervolume.Compute(points, [0, 0, 0, 0]);
        Assert.True(Math.Abs(exact - estimate) < 4 * standardError, $"exact {exact}, Monte Carlo {estimate} ± {standardError}");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Decompose_ImprovementOfAPoint_EqualsTheHypervolumeItAdds(int m)
    {
        var random = new Random(5 + m);
        var front = Enumerable.Range(0, 7).Select(_ => (IReadOnlyList<double>)Enumerable.Range(0, m).Select(_ => random.NextDouble() * 3).ToArray()).ToArray();
        var reference = Enumerable.Repeat(0.2, m).ToArray();
        var boxes = HypervolumeBoxes.Decompose(front, reference);
        for (var trial = 0; trial < 30; trial++)
        {
            var y = Enumerable.Range(0, m).Select(_ => random.NextDouble() * 4).ToArray();

            Assert.Equal(Hypervolume.Improvement(front, y, reference), boxes.Improvement(y), 10);
        }
    }

    [Fact]
    public void Decompose_TwoObjectiveFrontOfN_HasNPlusOneBoxes()
    {
        var boxes = HypervolumeBoxes.Decompose(Points([1, 3], [2, 2], [3, 1]), [0, 0]);

        Assert.Equal(4, boxes.Count);
    }

    [Fact]
    public void Compute_BadInput_ThrowsNamingIt()
    {
        Assert.Throws<ArgumentException>(() => Hypervolume.Compute(Points([1, 2]), [0]));
        Assert.Throws<ArgumentException>(() => Hypervolume.Compute(Points([1, double.NaN]), [0, 0]));
        Assert.Throws<ArgumentException>(() => Hypervolume.Compute(Points([1, 2, 3]), [0, 0]));
    }
}
