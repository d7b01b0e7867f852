using SelfDrivingLab.Benchmarks.MultiObjective;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Proposals;
using SelfDrivingLab.Optimization.Space;

namespace SelfDrivingLab.Optimization.Tests.Proposals;

/// <summary>
/// The Branin–Currin problem (<see cref="MultiObjectiveProblems.BraninCurrin"/>, the benchmark's one definition) as
/// observations, with its objectives without thresholds (so the reference point is inferred, as in a campaign without them).
/// </summary>
internal static class BraninCurrin
{
    public static readonly SearchSpace Space = MultiObjectiveProblems.BraninCurrin.Space;

    public static readonly Objective[] Objectives = [new("branin", ObjectiveGoal.Minimize), new("currin", ObjectiveGoal.Minimize)];

    /// <summary>The usual reference point (18, 6) as scores (the objectives are minimized).</summary>
    public static readonly double[] Reference = [-18, -6];

    public static Observation Measure(ParameterSet p)
    {
        var values = MultiObjectiveProblems.BraninCurrin.Evaluate(p);
        return new Observation(p, values["branin"]) { Outputs = new ParameterSet([new("branin", values["branin"]), new("currin", values["currin"])]) };
    }

    public static double Hypervolume(IEnumerable<Observation> observations) =>
        Optimization.Objectives.Hypervolume.Compute([.. observations.Select(o => (IReadOnlyList<double>)[-o.Outputs!.GetNumber("branin"), -o.Outputs!.GetNumber("currin")])], Reference);
}
