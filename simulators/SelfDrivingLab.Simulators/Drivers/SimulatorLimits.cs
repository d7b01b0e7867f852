using SelfDrivingLab.Campaigns.Definitions;
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
}
