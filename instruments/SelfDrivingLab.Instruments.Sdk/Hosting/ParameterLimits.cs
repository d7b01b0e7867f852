using System.Globalization;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Instruments.Sdk;

/// <summary>Checks a command's parameters against a capability's announced limits. Thread-safe (stateless).</summary>
public static class ParameterLimits
{
    /// <summary>
    /// Returns null when <paramref name="parameters"/> satisfy <paramref name="capability"/>'s limits,
    /// else a message naming the first offending parameter and the limit it breaks. A limit with
    /// min/max expects a number, one with choices expects text, one with neither accepts either.
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

            var problem = Check(limit, value);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? Check(ParameterLimit limit, ParameterValue value)
    {
        var numeric = limit.Min is not null || limit.Max is not null;
        if (numeric && !value.IsNumber)
        {
            return $"parameter '{limit.Name}' must be a number in {Range(limit)}, not the text '{value.Text}'";
        }

        if (limit.Choices is { } choices && !value.IsText)
        {
            return $"parameter '{limit.Name}' must be one of [{string.Join(", ", choices)}], not the number {Format(value.Number)}";
        }

        if (value.IsNumber && ((limit.Min is { } min && value.Number < min) || (limit.Max is { } max && value.Number > max)))
        {
            return $"parameter '{limit.Name}' = {Format(value.Number)} is outside {Range(limit)}";
        }

        if (value.IsText && limit.Choices is { } options && !options.Contains(value.Text!, StringComparer.Ordinal))
        {
            return $"parameter '{limit.Name}' = '{value.Text}' is not one of [{string.Join(", ", options)}]";
        }

        return null;
    }

    private static string Range(ParameterLimit limit)
    {
        var unit = limit.Unit is null ? string.Empty : " " + limit.Unit;
        var min = limit.Min is { } lo ? Format(lo) : "-∞";
        var max = limit.Max is { } hi ? Format(hi) : "∞";
        return $"[{min}, {max}]{unit}";
    }

    private static string Format(double value) => value.ToString("G", CultureInfo.InvariantCulture);
}
