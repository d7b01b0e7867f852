using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Reports.Plots;

namespace SelfDrivingLab.Reports.Tests.Plots;

public sealed class PlotMathTests
{
    [Fact]
    public void BestSoFar_FollowsTheObjectivesOrder()
    {
        double[] values = [3, 1, 5, 4, 0.5];

        Assert.Equal([3, 3, 5, 5, 5], ConvergencePlot.BestSoFar(new Objective("y", ObjectiveGoal.Maximize), values));
        Assert.Equal([3, 1, 1, 1, 0.5], ConvergencePlot.BestSoFar(new Objective("y", ObjectiveGoal.Minimize), values));
        Assert.Equal([3, 3, 5, 4, 4], ConvergencePlot.BestSoFar(new Objective("y", ObjectiveGoal.Target, 4.2), values));
    }

    [Fact]
    public void Front_KeepsExactlyTheUndominatedPoints()
    {
        var maximize = new Objective("a", ObjectiveGoal.Maximize);
        var minimize = new Objective("b", ObjectiveGoal.Minimize);
        (double X, double Y)[] points = [(1, 1), (2, 2), (2, 1), (3, 5), (0, 0), (2, 1)];

        var front = ParetoPlot.Front(maximize, minimize, points);

        // (2, 1) beats (1, 1) and (2, 2); (3, 5) is best in a; (0, 0) is best in b; the duplicate (2, 1) appears once.
        Assert.Equal([(2.0, 1.0), (3.0, 5.0), (0.0, 0.0)], front);
    }
}
