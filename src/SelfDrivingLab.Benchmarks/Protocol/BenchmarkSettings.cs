using SelfDrivingLab.Optimization.Pools;

namespace SelfDrivingLab.Benchmarks.Protocol;

/// <summary>Settings of a pool benchmark. Immutable.</summary>
public sealed record BenchmarkSettings
{
    /// <summary>The Top% level whose experiment count is the headline figure (and the acceleration factor's level): 0.8.</summary>
    public const double GoalLevel = 0.8;

    /// <summary>Independent campaigns per strategy (default 20).</summary>
    public int Seeds { get; init; } = 20;

    /// <summary>Experiments per campaign including the initial ones; capped at the pool size (default 100).</summary>
    public int Budget { get; init; } = 100;

    /// <summary>Random candidates measured before the strategy takes over: the proposer's initial count (default 5).</summary>
    public int Initial { get; init; } = 5;

    /// <summary>Base seed; campaign s gives its proposer the seed BaseSeed + s, so campaigns are reproducible in any order (default 0).</summary>
    public int BaseSeed { get; init; }

    /// <summary>
    /// End each campaign as soon as Top% reaches <see cref="GoalLevel"/> (default false). The experiments to that level
    /// and to the first top-5% candidate are then exactly what a full campaign gives, for less computation; the first
    /// top-1% candidate and the Top% curve are not measured.
    /// </summary>
    public bool StopAtGoal { get; init; }

    /// <summary>How a dataset's prior mean (<see cref="Data.BenchmarkDataset.PriorMeans"/>) is scaled (default <see cref="PriorMeanScaling.Fixed"/>).</summary>
    public PriorMeanScaling PriorScaling { get; init; } = PriorMeanScaling.Fixed;

    /// <summary>Whether the prior mean's own uncertainty is added to the predictive variance (default true, see <see cref="PoolPriorMean.AddUncertainty"/>).</summary>
    public bool AddPriorUncertainty { get; init; } = true;

    /// <summary>Campaigns run at once (default: the processor count).</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Top% checkpoints reported, as fractions of the budget (default 0.1, 0.25, 0.5, 1).</summary>
    public IReadOnlyList<double> Checkpoints { get; init; } = [0.1, 0.25, 0.5, 1.0];

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        Check(Seeds >= 1, nameof(Seeds), "must be >= 1");
        Check(Initial >= 1, nameof(Initial), "must be >= 1");
        Check(Budget > Initial, nameof(Budget), "must be larger than Initial");
        Check(MaxParallelism >= 1, nameof(MaxParallelism), "must be >= 1");
        Check(Checkpoints.Count > 0 && Checkpoints.All(c => c > 0 && c <= 1), nameof(Checkpoints), "must be fractions in (0, 1]");
    }

    private static void Check(bool condition, string name, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"BenchmarkSettings.{name} {rule}.", name);
        }
    }
}
