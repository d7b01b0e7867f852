using SelfDrivingLab.Optimization.Space;

namespace SelfDrivingLab.Optimization.Definitions.Tests.Space;

public sealed class SimplexSolverTests
{
    [Fact]
    public void Maximize_TextbookProgram_FindsTheKnownOptimum()
    {
        // max 3x + 5y s.t. x <= 4, 2y <= 12, 3x + 2y <= 18: optimum (2, 6) with value 36.
        var (status, point, value) = SimplexSolver.Maximize(
            [3, 5],
            [new([1, 0], 4), new([0, 2], 12), new([3, 2], 18)]);

        Assert.Equal(SimplexSolver.Status.Optimal, status);
        Assert.Equal(36, value, 9);
        Assert.Equal(2, point![0], 9);
        Assert.Equal(6, point[1], 9);
    }

    [Fact]
    public void Maximize_NegativeBoundsAndEquality_NeedsPhaseOne()
    {
        // min x + y (max −x − y) s.t. x + y >= 2 (−x − y <= −2), x − y = 1: optimum (1.5, 0.5).
        var (status, point, value) = SimplexSolver.Maximize(
            [-1, -1],
            [new([-1, -1], -2), new([1, -1], 1, IsEquality: true)]);

        Assert.Equal(SimplexSolver.Status.Optimal, status);
        Assert.Equal(-2, value, 9);
        Assert.Equal(1.5, point![0], 9);
        Assert.Equal(0.5, point[1], 9);
    }

    [Fact]
    public void Maximize_ContradictoryRows_Infeasible()
    {
        var (status, point, _) = SimplexSolver.Maximize([0, 0], [new([1, 1], 1), new([-1, -1], -3)]);

        Assert.Equal(SimplexSolver.Status.Infeasible, status);
        Assert.Null(point);
    }

    [Fact]
    public void Maximize_NothingBoundsTheObjective_Unbounded()
    {
        var (status, _, _) = SimplexSolver.Maximize([1, 0], [new([0, 1], 1)]);

        Assert.Equal(SimplexSolver.Status.Unbounded, status);
    }
}
