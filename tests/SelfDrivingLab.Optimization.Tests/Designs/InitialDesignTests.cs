using SelfDrivingLab.Optimization.Designs;
using SelfDrivingLab.Optimization.Proposals;
using SelfDrivingLab.Optimization.Space;

namespace SelfDrivingLab.Optimization.Tests.Designs;

public sealed class InitialDesignTests
{
    [Fact]
    public void UnitPoints_LatinHypercube_HasOnePointPerStratumPerDimension()
    {
        const int count = 17;
        var points = InitialDesign.UnitPoints(InitialDesignKind.LatinHypercube, 6, count, seed: 5);

        for (var d = 0; d < 6; d++)
        {
            Assert.Equal(Enumerable.Range(0, count), points.Select(p => (int)(p[d] * count)).Order());
        }
    }

    [Fact]
    public void Create_LatinHypercubeOnContinuousSpace_StratifiesParameterValues()
    {
        var space = new SearchSpace([new ContinuousParameter("x", 10, 20), new ContinuousParameter("y", -1, 1)]);

        var design = InitialDesign.Create(InitialDesignKind.LatinHypercube, space, 10, seed: 9);

        Assert.Equal(Enumerable.Range(0, 10), design.Select(p => (int)(p.GetNumber("x") - 10)).Order());
        Assert.Equal(Enumerable.Range(0, 10), design.Select(p => (int)((p.GetNumber("y") + 1) * 5)).Order());
    }

    [Theory]
    [InlineData(InitialDesignKind.Random)]
    [InlineData(InitialDesignKind.Sobol)]
    [InlineData(InitialDesignKind.LatinHypercube)]
    public void Create_MixedSpace_GivesValidReproduciblePoints(InitialDesignKind kind)
    {
        var space = new SearchSpace(
            [
                new IntegerParameter("n", 0, 9),
                new CategoricalParameter("k", ["p", "q"]),
                new ContinuousParameter("a", 0, 1),
                new ContinuousParameter("b", 0, 1),
            ],
            [new MixtureConstraint(["a", "b"])]);
        var encoder = new SpaceEncoder(space);

        var first = InitialDesign.Create(kind, space, 12, seed: 4);
        var second = InitialDesign.Create(kind, space, 12, seed: 4);

        Assert.Equal(12, first.Count);
        Assert.Equal(first, second);
        Assert.All(first, encoder.Validate);
        Assert.Equal(2, first.Select(p => p["k"].Text).Distinct().Count());
    }
}
