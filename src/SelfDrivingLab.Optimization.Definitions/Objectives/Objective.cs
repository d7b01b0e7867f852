namespace SelfDrivingLab.Optimization.Objectives;

/// <summary>The measured output to optimize and how. Immutable.</summary>
/// <param name="Output">Name of the measured result (e.g. <c>toughness</c>).</param>
/// <param name="Goal">Maximize, minimize or target.</param>
/// <param name="Target">The target value, required when <paramref name="Goal"/> is <see cref="ObjectiveGoal.Target"/>.</param>
public sealed record Objective(string Output, ObjectiveGoal Goal, double? Target = null)
{
    /// <summary>
    /// Maps a measured value to a score where larger is always better: y, -y, or -|y - target|.
    /// Throws for non-finite values.
    /// </summary>
    public double Score(double measured)
    {
        if (!double.IsFinite(measured))
        {
            throw new ArgumentOutOfRangeException(nameof(measured), measured, $"Objective '{Output}' must be a finite number.");
        }

        return Goal switch
        {
            ObjectiveGoal.Maximize => measured,
            ObjectiveGoal.Minimize => -measured,
            ObjectiveGoal.Target => -Math.Abs(measured - (Target ?? throw new InvalidOperationException($"Objective '{Output}' has goal target but no target value."))),
            _ => throw new InvalidOperationException($"Unknown goal {Goal}."),
        };
    }

    /// <summary>True when <paramref name="a"/> is strictly better than <paramref name="b"/>.</summary>
    public bool IsBetter(double a, double b) => Score(a) > Score(b);
}
