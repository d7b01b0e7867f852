using System.Globalization;
using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Protocol.Messages;

/// <summary>
/// The one implementation of parameter limits: what a valid declaration is, and whether a command's parameters satisfy
/// a capability's announced limits. Used by the SDK before running a command, by the orchestrator before sending one,
/// and by the reader when capabilities arrive. Thread-safe (stateless).
/// </summary>
public static class ParameterLimits
{
    // Values this close to a grid point (relative to the step) are on it: decimal steps such as 0.1 are not exact in binary.
    private const double GridTolerance = 1e-9;

    /// <summary>
    /// Returns null when <paramref name="parameters"/> satisfy <paramref name="capability"/>'s limits, else a message
    /// naming the first offending parameter and the limit it breaks (missing, unknown, wrong kind, outside min/max,
    /// off the step grid, not among the choices).
    /// </summary>
    public static string? FindViolation(CapabilityDescription capability, ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(capability);
        ArgumentNullException.ThrowIfNull(parameters);
        var limits = capability.Parameters.ToDictionary(l => l.Name, StringComparer.Ordinal);
        foreach (var limit in capability.Parameters)
        {
            if (limit.Required && !parameters.ContainsKey(limit.Name))
            {
                return $"parameter '{limit.Name}' is required by '{capability.Name}' but missing";
            }
        }

        foreach (var (name, value) in parameters)
        {
            if (!limits.TryGetValue(name, out var limit))
            {
                var known = string.Join(", ", capability.Parameters.Select(l => l.Name));
                return $"parameter '{name}' is not accepted by '{capability.Name}' (accepted: {known})";
            }

            var problem = FindViolation(limit, value);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    /// <summary>Null when <paramref name="value"/> satisfies <paramref name="limit"/>, else what is wrong.</summary>
    public static string? FindViolation(ParameterLimit limit, ParameterValue value)
    {
        ArgumentNullException.ThrowIfNull(limit);
        switch (KindOf(limit))
        {
            case ParameterKind.Text when !value.IsText:
                return limit.Choices is { } choices
                    ? $"parameter '{limit.Name}' must be one of [{string.Join(", ", choices)}], not the number {Format(value.Number)}"
                    : $"parameter '{limit.Name}' must be text, not the number {Format(value.Number)}";
            case ParameterKind.Number or ParameterKind.Integer when !value.IsNumber:
                return $"parameter '{limit.Name}' must be {Describe(limit)}, not the text '{value.Text}'";
            case ParameterKind.Integer when value.Number != Math.Round(value.Number):
                return $"parameter '{limit.Name}' = {Format(value.Number)} is not a whole number";
        }

        if (value.IsNumber && ((limit.Min is { } min && value.Number < min) || (limit.Max is { } max && value.Number > max)))
        {
            return $"parameter '{limit.Name}' = {Format(value.Number)} is outside {Range(limit)}";
        }

        if (value.IsNumber && limit.Step is { } step && !OnGrid(value.Number, limit.Min ?? 0, step))
        {
            return $"parameter '{limit.Name}' = {Format(value.Number)} is not on the grid {Format(limit.Min ?? 0)} + k × {Format(step)}";
        }

        if (value.IsText && limit.Choices is { } options && !options.Contains(value.Text!, StringComparer.Ordinal))
        {
            return $"parameter '{limit.Name}' = '{value.Text}' is not one of [{string.Join(", ", options)}]";
        }

        return null;
    }

    /// <summary>
    /// Null when <paramref name="limit"/> is a valid declaration, else what is wrong: min/max not finite or min above max;
    /// a step not positive and finite; a text limit with min, max or step; a number limit with choices; an integer
    /// limit with a fractional min, max or step.
    /// </summary>
    public static string? FindDeclarationProblem(ParameterLimit limit)
    {
        ArgumentNullException.ThrowIfNull(limit);
        if (string.IsNullOrWhiteSpace(limit.Name))
        {
            return "a parameter has no name";
        }

        var numeric = limit.Min is not null || limit.Max is not null || limit.Step is not null;
        if ((limit.Min is { } lo && !double.IsFinite(lo)) || (limit.Max is { } hi && !double.IsFinite(hi)) || limit.Min > limit.Max)
        {
            return $"parameter '{limit.Name}': min {limit.Min} / max {limit.Max} are not a valid range";
        }

        if (limit.Step is { } step && !(double.IsFinite(step) && step > 0))
        {
            return $"parameter '{limit.Name}': step {step} must be a positive number";
        }

        return limit.Type switch
        {
            ParameterKind.Text when numeric => $"parameter '{limit.Name}': type text cannot have min, max or step",
            ParameterKind.Number or ParameterKind.Integer when limit.Choices is not null => $"parameter '{limit.Name}': type {limit.Type.ToString()!.ToLowerInvariant()} cannot have choices (they are for text)",
            ParameterKind.Integer when new[] { limit.Min, limit.Max, limit.Step }.Any(v => v is { } x && x != Math.Round(x)) => $"parameter '{limit.Name}': type integer needs whole min, max and step",
            null when numeric && limit.Choices is not null => $"parameter '{limit.Name}' has both a number range or step and text choices",
            _ => null,
        };
    }

    /// <summary>The kind a limit accepts: its <see cref="ParameterLimit.Type"/>, else inferred (null: a number or text).</summary>
    public static ParameterKind? KindOf(ParameterLimit limit)
    {
        ArgumentNullException.ThrowIfNull(limit);
        return limit.Type
            ?? (limit.Min is not null || limit.Max is not null || limit.Step is not null ? ParameterKind.Number
                : limit.Choices is not null ? ParameterKind.Text
                : null);
    }

    private static bool OnGrid(double value, double origin, double step)
    {
        var k = (value - origin) / step;
        return Math.Abs(k - Math.Round(k)) <= GridTolerance * Math.Max(1, Math.Abs(k));
    }

    private static string Describe(ParameterLimit limit) =>
        (KindOf(limit) == ParameterKind.Integer ? "a whole number" : "a number")
        + (limit.Min is not null || limit.Max is not null ? " in " + Range(limit) : string.Empty);

    private static string Range(ParameterLimit limit)
    {
        var unit = limit.Unit is null ? string.Empty : " " + limit.Unit;
        var min = limit.Min is { } lo ? Format(lo) : "-∞";
        var max = limit.Max is { } hi ? Format(hi) : "∞";
        return $"[{min}, {max}]{unit}";
    }

    private static string Format(double value) => value.ToString("G", CultureInfo.InvariantCulture);
}
