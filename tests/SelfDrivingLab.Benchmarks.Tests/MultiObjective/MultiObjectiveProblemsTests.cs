using SelfDrivingLab.Benchmarks.MultiObjective;
using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Benchmarks.Tests.MultiObjective;

public sealed class MultiObjectiveProblemsTests
{
    [Fact]
    public void BraninCurrin_AtBraninsMinimum_GivesItsKnownValue()
    {
        // Branin's minimum 0.397887 at (π, 2.275) in [-5, 10] × [0, 15], i.e. ((π + 5)/15, 2.275/15) on the unit square.
        var values = MultiObjectiveProblems.BraninCurrin.Evaluate(new ParameterSet([new("x1", (Math.PI + 5) / 15), new("x2", 2.275 / 15)]));

        Assert.Equal(0.397887, values["branin"], 5);
    }

    [Fact]
    public void BraninCurrin_AtTheOrigin_GivesCurrinsClosedForm()
    {
        // Currin at x1 = 0: (1 - exp(-1/(2·x2))) · 60 / 20.
        var values = MultiObjectiveProblems.BraninCurrin.Evaluate(new ParameterSet([new("x1", 0.0), new("x2", 0.5)]));

        Assert.Equal((1 - Math.Exp(-1)) * 3, values["currin"], 12);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    [InlineData(1.0)]
    public void Dtlz2_OnTheFront_LiesOnTheUnitQuarterCircle(double x1)
    {
        var values = MultiObjectiveProblems.Dtlz2(4).Evaluate(new ParameterSet([new("x1", x1), new("x2", 0.5), new("x3", 0.5), new("x4", 0.5)]));

        Assert.Equal(1.0, (values["f1"] * values["f1"]) + (values["f2"] * values["f2"]), 12);
    }

    [Fact]
    public void Dtlz2_OffTheFront_ScalesByOnePlusG()
    {
        // g = 3 · 0.5² = 0.75 at x2 = x3 = x4 = 0; x1 = 0 puts everything in f1.
        var values = MultiObjectiveProblems.Dtlz2(4).Evaluate(new ParameterSet([new("x1", 0.0), new("x2", 0.0), new("x3", 0.0), new("x4", 0.0)]));

        Assert.Equal(1.75, values["f1"], 12);
        Assert.Equal(0.0, values["f2"], 12);
    }

    [Fact]
    public void Hypervolume_ManyPointsOnTheDtlz2Front_ApproachesTheKnownMaximum()
    {
        var problem = MultiObjectiveProblems.Dtlz2(4);
        var front = Enumerable.Range(0, 2001).Select(i => problem.Evaluate(new ParameterSet([new("x1", i / 2000.0), new("x2", 0.5), new("x3", 0.5), new("x4", 0.5)])));

        // A staircase under the quarter circle: just below the maximum (by about the area of the steps).
        Assert.InRange(problem.Hypervolume(front), problem.MaxHypervolume - 0.001, problem.MaxHypervolume);
    }
}
