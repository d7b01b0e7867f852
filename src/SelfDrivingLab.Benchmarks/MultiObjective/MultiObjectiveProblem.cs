using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Space;

namespace SelfDrivingLab.Benchmarks.MultiObjective;

/// <summary>
/// A synthetic problem with several objectives and a known best hypervolume (<see cref="MultiObjectiveProblems"/>).
/// Immutable and thread-safe.
/// </summary>
/// <param name="Name">Its name, e.g. <c>branin-currin</c>.</param>
/// <param name="Space">The search space.</param>
/// <param name="Objectives">The objectives (all minimized here).</param>
/// <param name="Reference">The reference point of the hypervolume, as scores (larger is better: -y for a minimized output).</param>
/// <param name="MaxHypervolume">The hypervolume of the true Pareto front above <paramref name="Reference"/>.</param>
/// <param name="Evaluate">The noiseless value of every objective's output at a design, by output name.</param>
public sealed record MultiObjectiveProblem(
    string Name,
    SearchSpace Space,
    IReadOnlyList<Objective> Objectives,
    IReadOnlyList<double> Reference,
    double MaxHypervolume,
    Func<ParameterSet, IReadOnlyDictionary<string, double>> Evaluate)
{
    /// <summary>The hypervolume that the results <paramref name="measured"/> (values by output) dominate above <see cref="Reference"/>.</summary>
    public double Hypervolume(IEnumerable<IReadOnlyDictionary<string, double>> measured)
    {
        ArgumentNullException.ThrowIfNull(measured);
        var scores = measured.Select(m => (IReadOnlyList<double>)[.. Objectives.Select(o => o.Score(m[o.Output]))]).ToList();
        return Optimization.Objectives.Hypervolume.Compute(scores, Reference);
    }
}
