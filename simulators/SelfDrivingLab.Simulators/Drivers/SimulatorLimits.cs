using SelfDrivingLab.Campaigns.Definitions;
using System.Globalization;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Simulators;

/// <summary>Builds a simulator's parameter limits: its own parameter names, tightened by limits the host supplies.</summary>
internal static class SimulatorLimits
{
    /// <summary>
    /// Each required name gets the supplied limit of that name or an unconstrained required one (any
    /// finite number or text); other supplied limits are kept; optional names not yet listed are added
    /// unconstrained and optional.
    /// </summary>
    public static IReadOnlyList<ParameterLimit> Build(IEnumerable<string> required, IEnumerable<string> optional, IReadOnlyList<ParameterLimit>? supplied)
    {
        var byName = (supplied ?? []).ToDictionary(l => l.Name, StringComparer.Ordinal);
        var result = new List<ParameterLimit>();
        foreach (var name in required.Distinct(StringComparer.Ordinal))
        {
            result.Add(byName.GetValueOrDefault(name) ?? new ParameterLimit(name));
        }

        result.AddRange((supplied ?? []).Where(l => !result.Any(r => r.Name == l.Name)));
        foreach (var name in optional.Distinct(StringComparer.Ordinal))
        {
            if (!result.Any(r => r.Name == name))
            {
                result.Add(new ParameterLimit(name, Required: false));
            }
        }

        return result;
    }

    /// <summary>
    /// A simulator's <paramref name="own"/> limits tightened by <paramref name="supplied"/> ones of the
    /// same name (ranges intersected, choices intersected, required if either says so). Supplied limits
    /// for parameters the simulator does not take are dropped, so such a command is refused.
    /// </summary>
    public static IReadOnlyList<ParameterLimit> Tighten(string instrument, IReadOnlyList<ParameterLimit> own, IReadOnlyList<ParameterLimit>? supplied)
    {
        var byName = (supplied ?? []).ToDictionary(l => l.Name, StringComparer.Ordinal);
        var result = new List<ParameterLimit>(own.Count);
        foreach (var limit in own)
        {
            if (!byName.TryGetValue(limit.Name, out var other))
            {
                result.Add(limit);
                continue;
            }

            var kinds = new[] { ParameterLimits.KindOf(limit), ParameterLimits.KindOf(other) };
            var numeric = kinds.Any(k => k is ParameterKind.Number or ParameterKind.Integer);
            var text = kinds.Contains(ParameterKind.Text);
            if (numeric && text)
            {
                throw new ArgumentException($"Instrument '{instrument}': parameter '{limit.Name}' is given both a number range and text choices.", nameof(supplied));
            }

            var min = Max(limit.Min, other.Min);
            var max = Min(limit.Max, other.Max);
            var choices = limit.Choices is null ? other.Choices : other.Choices is null ? limit.Choices : [.. limit.Choices.Where(c => other.Choices.Contains(c, StringComparer.Ordinal))];
            if ((min is not null && max is not null && min > max) || choices is { Count: 0 })
            {
                throw new ArgumentException(
                    $"Instrument '{instrument}': the limits given for '{limit.Name}' ({Describe(other)}) do not overlap the instrument's own ({Describe(limit)}).",
                    nameof(supplied));
            }

            result.Add(limit with
            {
                Min = min,
                Max = max,
                Choices = choices,
                Required = limit.Required || other.Required,
                Type = kinds.Contains(ParameterKind.Integer) ? ParameterKind.Integer : other.Type ?? limit.Type,
                Step = other.Step ?? limit.Step,
            });
        }

        return result;
    }

    /// <summary>Checks what every simulator needs from its definition.</summary>
    public static void Validate(SimulatedInstrumentDefinition definition, string expectedType)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (!string.Equals(definition.Type, expectedType, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Instrument '{definition.Id}' is of type '{definition.Type}', not '{expectedType}'.", nameof(definition));
        }

        if (string.IsNullOrWhiteSpace(definition.Capability))
        {
            throw new ArgumentException($"Instrument '{definition.Id}' needs a capability name.", nameof(definition));
        }

        if (!(definition.FailureRate >= 0 && definition.FailureRate < 1))
        {
            throw new ArgumentException($"Instrument '{definition.Id}' failure rate {definition.FailureRate} is outside [0, 1).", nameof(definition));
        }

        ArgumentNullException.ThrowIfNull(definition.Duration);
    }

    private static double? Max(double? a, double? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private static double? Min(double? a, double? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    private static string Describe(ParameterLimit limit) => limit.Choices is { } choices
        ? $"one of [{string.Join(", ", choices)}]"
        : $"[{limit.Min?.ToString(CultureInfo.InvariantCulture) ?? "-∞"}, {limit.Max?.ToString(CultureInfo.InvariantCulture) ?? "∞"}]";
}
