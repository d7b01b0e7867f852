using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.AskTell;
using SelfDrivingLab.Optimization.Proposals;

namespace SelfDrivingLab.Benchmarks.MultiObjective;

/// <summary>
/// Runs a simulated campaign on a <see cref="MultiObjectiveProblem"/> through the public ask/tell <see cref="Optimizer"/>
/// (the one proposal engine): <c>experiments</c> experiments in batches of <c>batch</c>, the
/// first 2 × d from the seeded Sobol design, and reports the hypervolume the results dominate. Random uses the same
/// engine with <see cref="SurrogateKind.Random"/>. Deterministic apart from the timing (on <c>time</c>, default
/// the system clock). Stateless and thread-safe.
/// </summary>
public static class MultiObjectiveBenchmark
{
    /// <summary>One campaign.</summary>
    public static MultiObjectiveRun Run(
        MultiObjectiveProblem problem, MultiObjectiveStrategy strategy, int seed, int experiments, int batch = 1, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentOutOfRangeException.ThrowIfLessThan(experiments, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        var options = strategy switch
        {
            MultiObjectiveStrategy.Ehvi => new OptimizerOptions { Seed = seed, Acquisition = AcquisitionKind.ExpectedHypervolumeImprovement },
            MultiObjectiveStrategy.Parego => new OptimizerOptions { Seed = seed, Acquisition = AcquisitionKind.Parego },
            MultiObjectiveStrategy.Random => new OptimizerOptions { Seed = seed, Surrogate = SurrogateKind.Random },
            _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Unknown strategy."),
        };

        time ??= TimeProvider.System;
        var started = time.GetTimestamp();
        var optimizer = Optimizer.Create(problem.Space, problem.Objectives, options);
        var measured = new List<IReadOnlyDictionary<string, double>>();
        while (optimizer.Asked < experiments)
        {
            IReadOnlyList<ParameterSet> asked = optimizer.Ask(Math.Min(batch, experiments - optimizer.Asked), cancellationToken);
            foreach (var x in asked)
            {
                var values = problem.Evaluate(x);
                optimizer.Tell(x, values);
                measured.Add(values);
            }
        }

        return new MultiObjectiveRun(problem.Name, strategy, seed, problem.Hypervolume(measured), problem.MaxHypervolume, time.GetElapsedTime(started).TotalSeconds);
    }
}
