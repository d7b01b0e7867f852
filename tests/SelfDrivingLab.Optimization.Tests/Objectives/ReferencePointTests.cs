using SelfDrivingLab.Optimization.Objectives;

namespace SelfDrivingLab.Optimization.Tests.Objectives;

public sealed class ReferencePointTests
{
    private static readonly Objective[] Two = [new("a", ObjectiveGoal.Maximize), new("b", ObjectiveGoal.Maximize)];

    [Fact]
    public void Infer_NoThresholds_IsTheFrontsNadirMinusATenthOfItsRange()
    {
        IReadOnlyList<double>[] scores = [[1, 3], [3, 1], [0.5, 0.5]];

        var reference = ReferencePoint.Infer(Two, scores, [true, true, true]);

        Assert.Equal([0.8, 0.8], reference, (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void Infer_OnePointFront_UsesTheRangeOfEveryResult()
    {
        IReadOnlyList<double>[] scores = [[2, 2], [0, 1]];

        var reference = ReferencePoint.Infer(Two, scores, [true, true]);

        // Nadir (2, 2) is the one front point; the results span 2 and 1.
        Assert.Equal([1.8, 1.9], reference, (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void Infer_ThresholdsThatBoundTheScore_AreTheReference()
    {
        Objective[] objectives = [new("yield", ObjectiveGoal.Maximize) { AtLeast = 0.4 }, new("cost", ObjectiveGoal.Minimize) { AtMost = 12 }];
        IReadOnlyList<double>[] scores = [[0.9, -3], [0.5, -8]];

        Assert.Equal([0.4, -12], ReferencePoint.Infer(objectives, scores, [true, true]));
    }

    [Fact]
    public void Infer_ThresholdOnTheOtherSide_IsInferredAsWithout()
    {
        Objective[] objectives = [new("a", ObjectiveGoal.Maximize) { AtMost = 10 }, new("b", ObjectiveGoal.Maximize)];
        IReadOnlyList<double>[] scores = [[1, 3], [3, 1]];

        Assert.Equal(ReferencePoint.Infer(Two, scores, [true, true]), ReferencePoint.Infer(objectives, scores, [true, true]));
    }

    [Fact]
    public void Infer_NothingCounts_UsesTheWorstOfEveryResult()
    {
        IReadOnlyList<double>[] scores = [[1, 3], [3, 1]];

        Assert.Equal([0.8, 0.8], ReferencePoint.Infer(Two, scores, [false, false]), (a, b) => Math.Abs(a - b) < 1e-12);
    }
}
