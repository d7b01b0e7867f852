using System.Globalization;
using SelfDrivingLab.Optimization.Objectives;

namespace SelfDrivingLab.Benchmarks.Protocol;

/// <summary>Parses the goal of a benchmark: <c>max</c>, <c>min</c> or <c>target:&lt;value&gt;</c> (closest is best).</summary>
public static class BenchmarkGoal
{
    /// <summary>The objective for <paramref name="output"/>; throws <see cref="ArgumentException"/> for an unknown goal.</summary>
    public static Objective Parse(string goal, string output)
    {
        ArgumentNullException.ThrowIfNull(goal);
        var text = goal.Trim();
        if (text.Equals("max", StringComparison.OrdinalIgnoreCase) || text.Equals("maximize", StringComparison.OrdinalIgnoreCase))
        {
            return new Objective(output, ObjectiveGoal.Maximize);
        }

        if (text.Equals("min", StringComparison.OrdinalIgnoreCase) || text.Equals("minimize", StringComparison.OrdinalIgnoreCase))
        {
            return new Objective(output, ObjectiveGoal.Minimize);
        }

        const string prefix = "target:";
        if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            && double.TryParse(text[prefix.Length..], NumberStyles.Float, CultureInfo.InvariantCulture, out var target)
            && double.IsFinite(target))
        {
            return new Objective(output, ObjectiveGoal.Target, target);
        }

        throw new ArgumentException($"Unknown goal '{goal}': use max, min or target:<value> (e.g. target:1.34).", nameof(goal));
    }
}
