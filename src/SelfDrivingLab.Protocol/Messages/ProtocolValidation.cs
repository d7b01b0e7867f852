using System.Globalization;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Core.Text;
using SelfDrivingLab.Protocol.Client;

namespace SelfDrivingLab.Protocol.Messages;

/// <summary>Semantic checks after JSON decoding; each returns null when valid or a reason naming the field.</summary>
internal static class ProtocolValidation
{
    public static ProtocolReadFailure? Validate(InstrumentCommand c)
    {
        if (c.Protocol != ProtocolVersion.Current)
        {
            return Invalid($"protocol '{c.Protocol}' is not '{ProtocolVersion.Current}'");
        }

        if (c.Type == CommandType.Execute)
        {
            if (string.IsNullOrWhiteSpace(c.Action))
            {
                return Invalid("action is required for an execute command");
            }

            if (c.Parameters is null)
            {
                return Invalid("parameters are required for an execute command");
            }

            if (c.Deadline is null)
            {
                return Invalid("deadline is required for an execute command");
            }
        }

        return c.Deadline is { } d && d < c.IssuedAt ? Invalid("deadline is before issued_at") : null;
    }

    public static ProtocolReadFailure? Validate(InstrumentEvent e)
    {
        if (e.Protocol != ProtocolVersion.Current)
        {
            return Invalid($"protocol '{e.Protocol}' is not '{ProtocolVersion.Current}'");
        }

        if (e.Progress is { } p && !(p >= 0 && p <= 1))
        {
            return Invalid($"progress {p} is outside [0, 1]");
        }

        if (e.Kind == InstrumentEventKind.Completed && e.Results is null)
        {
            return Invalid("a completed event needs results");
        }

        if (e.Kind is InstrumentEventKind.Failed or InstrumentEventKind.Rejected && string.IsNullOrWhiteSpace(e.Error))
        {
            return Invalid($"{Article.For(e.Kind.ToString().ToLowerInvariant())} event needs an error code");
        }

        return e.Results is { } results ? CheckFinite(results) : null;
    }

    public static ProtocolReadFailure? Validate(InstrumentAvailability a) =>
        a.Protocol != ProtocolVersion.Current ? Invalid($"protocol '{a.Protocol}' is not '{ProtocolVersion.Current}'") : null;

    public static ProtocolReadFailure? Validate(InstrumentCapabilities c)
    {
        if (c.Protocol != ProtocolVersion.Current)
        {
            return Invalid($"protocol '{c.Protocol}' is not '{ProtocolVersion.Current}'");
        }

        if (c.Channels < 1)
        {
            return Invalid($"channels must be at least 1 (got {c.Channels})");
        }

        foreach (var cap in c.Capabilities)
        {
            if (string.IsNullOrWhiteSpace(cap.Name))
            {
                return Invalid("a capability has no name");
            }

            foreach (var limit in cap.Parameters)
            {
                if (ParameterLimits.FindDeclarationProblem(limit) is { } problem)
                {
                    return Invalid($"capability '{cap.Name}' {problem}");
                }
            }
        }

        return null;
    }

    // JSON has no NaN or infinity, so they can only arrive spelled as text ("NaN", "Infinity",
    // "1e999"); a measurement is never legitimately such a text, and passing it on would let it
    // reach the surrogate as a number somewhere downstream.
    private static ProtocolReadFailure? CheckFinite(ParameterSet results)
    {
        foreach (var (name, value) in results)
        {
            if (!value.IsNumber && double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !double.IsFinite(number))
            {
                return new(RejectReasons.NonFiniteNumber, $"result '{name}' is '{value.Text}', not a finite number");
            }
        }

        return null;
    }

    private static ProtocolReadFailure Invalid(string detail) => new(RejectReasons.InvalidPayload, detail);
}
