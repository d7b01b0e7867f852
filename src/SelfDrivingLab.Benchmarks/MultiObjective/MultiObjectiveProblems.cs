using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Space;

namespace SelfDrivingLab.Benchmarks.MultiObjective;

/// <summary>
/// The standard synthetic problems of multi-objective Bayesian optimization, as BoTorch defines them. Each objective's
/// <c>at_most</c> threshold is the problem's reference point, so the proposer knows it as BoTorch's acquisition
/// functions are given it (a threshold that bounds a score is the reference point of expected hypervolume improvement).
/// </summary>
public static class MultiObjectiveProblems
{
    /// <summary>
    /// Branin–Currin: two objectives to minimize on [0, 1]², the Branin function (rescaled from [-5, 10] × [0, 15]) and
    /// Currin's exponential function; reference point (18, 6), best hypervolume 59.36011874867746 (BoTorch).
    /// </summary>
    public static MultiObjectiveProblem BraninCurrin { get; } = new(
        "branin-currin",
        new SearchSpace([new ContinuousParameter("x1", 0, 1), new ContinuousParameter("x2", 0, 1)]),
        [new Objective("branin", ObjectiveGoal.Minimize) { AtMost = 18 }, new Objective("currin", ObjectiveGoal.Minimize) { AtMost = 6 }],
        [-18, -6],
        59.36011874867746,
        p => new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["branin"] = Branin(p.GetNumber("x1"), p.GetNumber("x2")),
            ["currin"] = Currin(p.GetNumber("x1"), p.GetNumber("x2")),
        });

    /// <summary>
    /// DTLZ2 with <paramref name="dimensions"/> inputs in [0, 1] and two objectives to minimize:
    /// f₁ = (1 + g) cos(x₁π/2), f₂ = (1 + g) sin(x₁π/2), g = Σᵢ₌₂ (xᵢ - ½)²; the front is the quarter circle of radius 1.
    /// Reference point (1.1, 1.1), best hypervolume 1.1² - π/4.
    /// </summary>
    public static MultiObjectiveProblem Dtlz2(int dimensions = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 2);
        var names = Enumerable.Range(1, dimensions).Select(i => $"x{i}").ToArray();
        return new MultiObjectiveProblem(
            $"dtlz2-d{dimensions}",
            new SearchSpace([.. names.Select(n => new ContinuousParameter(n, 0, 1))]),
            [new Objective("f1", ObjectiveGoal.Minimize) { AtMost = 1.1 }, new Objective("f2", ObjectiveGoal.Minimize) { AtMost = 1.1 }],
            [-1.1, -1.1],
            (1.1 * 1.1) - (Math.PI / 4),
            p =>
            {
                var g = names.Skip(1).Sum(n => Math.Pow(p.GetNumber(n) - 0.5, 2));
                var angle = p.GetNumber(names[0]) * Math.PI / 2;
                return new Dictionary<string, double>(StringComparer.Ordinal) { ["f1"] = (1 + g) * Math.Cos(angle), ["f2"] = (1 + g) * Math.Sin(angle) };
            });
    }

    private static double Branin(double x1, double x2)
    {
        var (u, v) = ((15 * x1) - 5, 15 * x2);
        return Math.Pow(v - (5.1 / (4 * Math.PI * Math.PI) * u * u) + (5 / Math.PI * u) - 6, 2) + (10 * (1 - (1 / (8 * Math.PI))) * Math.Cos(u)) + 10;
    }

    private static double Currin(double x1, double x2) =>
        (1 - Math.Exp(-1 / (2 * x2))) * ((2300 * x1 * x1 * x1) + (1900 * x1 * x1) + (2092 * x1) + 60) / ((100 * x1 * x1 * x1) + (500 * x1 * x1) + (4 * x1) + 20);
}
