namespace SelfDrivingLab.Optimization.Objectives;

/// <summary>
/// The measured output to optimize and how, with optional thresholds a result must meet to count (several objectives
/// only: a result outside a threshold is a valid measurement that trains the model, but is on no Pareto front and adds
/// no hypervolume). Immutable.
/// </summary>
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

    /// <summary>Smallest measured value that counts (inclusive), in the output's units; null (the default) for no lower threshold.</summary>
    public double? AtLeast { get; init; }

    /// <summary>Largest measured value that counts (inclusive), in the output's units; null (the default) for no upper threshold.</summary>
    public double? AtMost { get; init; }

    /// <summary>Whether the objective has a threshold.</summary>
    public bool HasThreshold => AtLeast is not null || AtMost is not null;

    /// <summary>True when <paramref name="measured"/> meets both thresholds (always without thresholds).</summary>
    public bool Counts(double measured) => (AtLeast is not { } low || measured >= low) && (AtMost is not { } high || measured <= high);

    /// <summary>
    /// The threshold that bounds the score from below, as a score: <see cref="AtLeast"/> when maximizing, -<see cref="AtMost"/>
    /// when minimizing; null otherwise (no threshold, a target goal, or a threshold on the other side, e.g. an upper
    /// limit on a maximized output). The reference point of the hypervolume uses it.
    /// </summary>
    public double? ScoreThreshold => Goal switch
    {
        ObjectiveGoal.Maximize => AtLeast,
        ObjectiveGoal.Minimize => -AtMost,
        _ => null,
    };
}
