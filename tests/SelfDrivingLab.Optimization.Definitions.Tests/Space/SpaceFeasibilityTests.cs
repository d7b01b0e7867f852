using SelfDrivingLab.Optimization.Space;

namespace SelfDrivingLab.Optimization.Definitions.Tests.Space;

public sealed class SpaceFeasibilityTests
{
    private static readonly ContinuousParameter Theta = new("theta", 0, 200);
    private static readonly ContinuousParameter Radius = new("r", 1.5, 2.5);

    [Fact]
    public void Analyze_ThetaPlusRBelowMinusTen_EmptyNamingThatConstraint()
    {
        var space = Space([Theta, Radius], Le(("theta", 1), ("r", 1), -10));

        var report = SpaceFeasibility.Analyze(space);

        Assert.Equal(SpaceVerdict.Empty, report.Verdict);
        Assert.Equal([0], report.Constraints);
        Assert.Empty(report.Mixtures);
    }

    [Fact]
    public void Analyze_TwoConstraintsThatConflictAmongSeveral_NamesOnlyThoseTwo()
    {
        var space = Space(
            [Theta, Radius, new ContinuousParameter("t", 0.7, 1.4)],
            Le(("t", 1), 1.2),
            Le(("theta", 1), ("r", 10), 100),
            Le(("t", 1), ("r", 1), 3),
            Le(("theta", -1), -150));

        var report = SpaceFeasibility.Analyze(space);

        Assert.Equal(SpaceVerdict.Empty, report.Verdict);
        Assert.Equal([1, 3], report.Constraints);
    }

    [Fact]
    public void Analyze_ConstraintAgainstAMixture_NamesTheMixtureToo()
    {
        var space = new SearchSpace(
            [new ContinuousParameter("a", 0, 1), new ContinuousParameter("b", 0, 1), Theta],
            [new MixtureConstraint(["a", "b"])],
            [Le(("a", 1), ("b", 1), 0.5)]);

        var report = SpaceFeasibility.Analyze(space);

        Assert.Equal(SpaceVerdict.Empty, report.Verdict);
        Assert.Equal([0], report.Constraints);
        Assert.Equal([0], report.Mixtures);
    }

    [Fact]
    public void Analyze_OnlyABoundaryPointSatisfies_Thin()
    {
        // theta <= 0 with theta in [0, 200]: only theta = 0, which random draws never hit.
        var report = SpaceFeasibility.Analyze(Space([Theta, Radius], Le(("theta", 1), 0)));

        Assert.Equal(SpaceVerdict.Thin, report.Verdict);
        Assert.Equal([0], report.Constraints);
    }

    [Fact]
    public void Analyze_RelaxationFeasibleButNoGridPoint_EmptyByBranchAndBound()
    {
        // n in {6, 8, 10, 12}: 7 <= n <= 7.5 has real solutions but no grid point.
        var n = new IntegerParameter("n", 6, 12, 2);

        var report = SpaceFeasibility.Analyze(Space([n, Theta], Le(("n", 1), 7.5), Le(("n", -1), -7)));

        Assert.Equal(SpaceVerdict.Empty, report.Verdict);
        Assert.Equal([0, 1], report.Constraints);
    }

    [Fact]
    public void Analyze_IntegerConstraintTightOnAGridPoint_OpenBecauseGridPointsHaveMass()
    {
        var n = new IntegerParameter("n", 6, 12, 2);

        var report = SpaceFeasibility.Analyze(Space([n, Theta], Le(("n", 1), 6), Le(("theta", 1), ("n", 10), 100)));

        Assert.Equal(SpaceVerdict.Open, report.Verdict);
    }

    [Fact]
    public void Analyze_QuickstartLikeConstraint_Open()
    {
        var report = SpaceFeasibility.Analyze(Space([Theta, Radius], Le(("theta", 1), ("r", 50), 250)));

        Assert.Equal(SpaceVerdict.Open, report.Verdict);
        Assert.Empty(report.Constraints);
    }

    private static SearchSpace Space(SpaceParameter[] parameters, params LinearConstraint[] constraints) => new(parameters, null, constraints);

    private static LinearConstraint Le((string Name, double A) x, double bound) => new(new Dictionary<string, double> { [x.Name] = x.A }, bound);

    private static LinearConstraint Le((string Name, double A) x, (string Name, double A) y, double bound) =>
        new(new Dictionary<string, double> { [x.Name] = x.A, [y.Name] = y.A }, bound);
}
