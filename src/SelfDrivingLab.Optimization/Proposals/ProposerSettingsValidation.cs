using SelfDrivingLab.Optimization.Objectives;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>Checks proposer settings and objective, naming the first problem.</summary>
internal static class ProposerSettingsValidation
{
    public static void Validate(ProposerSettings settings, Objective objective)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(objective);
        Check(Enum.IsDefined(settings.Surrogate), nameof(settings.Surrogate), "is not a known surrogate");
        Check(Enum.IsDefined(settings.Acquisition), nameof(settings.Acquisition), "is not a known acquisition function");
        Check(Enum.IsDefined(settings.InitialDesign), nameof(settings.InitialDesign), "is not a known initial design");
        Check(Enum.IsDefined(settings.Kernel), nameof(settings.Kernel), "is not a known kernel");
        Check(settings.InitialCount >= 0, nameof(settings.InitialCount), $"must be at least 0 (got {settings.InitialCount})");
        Check(settings.Restarts >= 0, nameof(settings.Restarts), $"must be >= 0 (got {settings.Restarts})");
        Check(settings.Beta >= 0 && double.IsFinite(settings.Beta), nameof(settings.Beta), $"must be a finite number >= 0 (got {settings.Beta})");
        Check(settings.Xi >= 0 && double.IsFinite(settings.Xi), nameof(settings.Xi), $"must be a finite number >= 0 (got {settings.Xi})");
        Check(settings.CandidateCount >= 1, nameof(settings.CandidateCount), $"must be at least 1 (got {settings.CandidateCount})");
        if (objective.Goal == ObjectiveGoal.Target && !double.IsFinite(objective.Target ?? double.NaN))
        {
            throw new ArgumentException($"Objective '{objective.Output}' has goal target but no finite target value.", nameof(objective));
        }
    }

    private static void Check(bool condition, string name, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"Proposer setting {name} {rule}.", name);
        }
    }
}
