using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Proposals;
using SelfDrivingLab.Optimization.Space;

namespace SelfDrivingLab.Optimization.Tests.Proposals;

/// <summary>The Branin–Currin problem (BoTorch's test function): two objectives to minimize on the unit square.</summary>
internal static class BraninCurrin
{
    public static readonly SearchSpace Space = new([new ContinuousParameter("x1", 0, 1), new ContinuousParameter("x2", 0, 1)]);

    public static readonly Objective[] Objectives = [new("branin", ObjectiveGoal.Minimize), new("currin", ObjectiveGoal.Minimize)];

    /// <summary>The usual reference point (18, 6) as scores (the objectives are minimized).</summary>
    public static readonly double[] Reference = [-18, -6];

    public static Observation Measure(ParameterSet p)
    {
        var (x1, x2) = (p.GetNumber("x1"), p.GetNumber("x2"));
        var (u, v) = ((15 * x1) - 5, 15 * x2);
        var branin = Math.Pow(v - (5.1 / (4 * Math.PI * Math.PI) * u * u) + (5 / Math.PI * u) - 6, 2) + (10 * (1 - (1 / (8 * Math.PI))) * Math.Cos(u)) + 10;
        var currin = (1 - Math.Exp(-1 / (2 * x2))) * ((2300 * x1 * x1 * x1) + (1900 * x1 * x1) + (2092 * x1) + 60) / ((100 * x1 * x1 * x1) + (500 * x1 * x1) + (4 * x1) + 20);
        return new Observation(p, branin) { Outputs = new ParameterSet([new("branin", branin), new("currin", currin)]) };
    }

    public static double Hypervolume(IEnumerable<Observation> observations) =>
        Optimization.Objectives.Hypervolume.Compute([.. observations.Select(o => (IReadOnlyList<double>)[-o.Outputs!.GetNumber("branin"), -o.Outputs!.GetNumber("currin")])], Reference);
}
