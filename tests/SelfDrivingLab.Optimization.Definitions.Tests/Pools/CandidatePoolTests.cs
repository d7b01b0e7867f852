using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Pools;

namespace SelfDrivingLab.Optimization.Definitions.Tests.Pools;

public sealed class CandidatePoolTests
{
    private static ParameterSet Id(string name) => new([new("id", name)]);

    [Fact]
    public void Constructor_Features_AreMinMaxScaledAndConstantColumnsDropped()
    {
        var pool = new CandidatePool(
            [Id("a"), Id("b"), Id("c")],
            [[2.0, 5.0, -1.0], [4.0, 5.0, 3.0], [3.0, 5.0, 1.0]],
            ["x", "constant", "y"]);

        Assert.Equal(["x", "y"], pool.FeatureNames);
        Assert.Equal([0.0, 0.0], pool.ScaledFeatures(0));
        Assert.Equal([1.0, 1.0], pool.ScaledFeatures(1));
        Assert.Equal([0.5, 0.5], pool.ScaledFeatures(2));
        Assert.Equal(2, pool.IndexOf(Id("c")));
        Assert.Equal(-1, pool.IndexOf(Id("z")));
    }

    [Fact]
    public void Constructor_RepeatedCandidate_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => new CandidatePool([Id("a"), Id("a")], [[1.0], [2.0]]));
        Assert.Contains("repeats candidate 0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoVaryingFeature_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new CandidatePool([Id("a"), Id("b")], [[1.0, 2.0], [1.0, 2.0]]));
        Assert.Contains("No feature varies", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NonFiniteFeature_ThrowsNamingCandidateAndFeature()
    {
        var ex = Assert.Throws<ArgumentException>(() => new CandidatePool([Id("a"), Id("b")], [[1.0], [double.NaN]], ["gap"]));
        Assert.Contains("Candidate 1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'gap'", ex.Message, StringComparison.Ordinal);
    }
}
