using SelfDrivingLab.Optimization.Proposals;

namespace SelfDrivingLab.Benchmarks.Protocol;

/// <summary>Settings the command line sets for every strategy of a run (null: keep the strategy's own). Immutable.</summary>
/// <param name="Restarts">GP hyperparameter optimizer restarts.</param>
/// <param name="Xi">EI/PI improvement margin in standardized units.</param>
/// <param name="Beta">UCB exploration weight.</param>
public sealed record StrategyOverrides(int? Restarts = null, double? Xi = null, double? Beta = null)
{
    /// <summary>No overrides.</summary>
    public static StrategyOverrides None { get; } = new();

    /// <summary>The settings with every given override applied.</summary>
    public ProposerSettings Apply(ProposerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with
        {
            Restarts = Restarts ?? settings.Restarts,
            Xi = Xi ?? settings.Xi,
            Beta = Beta ?? settings.Beta,
        };
    }
}
