namespace SelfDrivingLab.Protocol.Messages;

/// <summary>Semantic checks after JSON decoding; each returns null when valid or a reason naming the field.</summary>
internal static class ProtocolValidation
{
    public static string? Validate(InstrumentCommand c)
    {
        if (c.Protocol != ProtocolVersion.Current)
        {
            return $"protocol '{c.Protocol}' is not '{ProtocolVersion.Current}'";
        }

        if (c.Type == CommandType.Execute)
        {
            if (string.IsNullOrWhiteSpace(c.Action))
            {
                return "action is required for an execute command";
            }

            if (c.Parameters is null)
            {
                return "parameters are required for an execute command";
            }

            if (c.Deadline is null)
            {
                return "deadline is required for an execute command";
            }
        }

        return c.Deadline is { } d && d < c.IssuedAt ? "deadline is before issued_at" : null;
    }

    public static string? Validate(InstrumentEvent e)
    {
        if (e.Protocol != ProtocolVersion.Current)
        {
            return $"protocol '{e.Protocol}' is not '{ProtocolVersion.Current}'";
        }

        if (e.Progress is { } p && !(p >= 0 && p <= 1))
        {
            return $"progress {p} is outside [0, 1]";
        }

        if (e.Kind == InstrumentEventKind.Completed && e.Results is null)
        {
            return "a completed event needs results";
        }

        if (e.Kind is InstrumentEventKind.Failed or InstrumentEventKind.Rejected && string.IsNullOrWhiteSpace(e.Error))
        {
            return $"a {e.Kind.ToString().ToLowerInvariant()} event needs an error code";
        }

        return null;
    }

    public static string? Validate(InstrumentAvailability a) =>
        a.Protocol != ProtocolVersion.Current ? $"protocol '{a.Protocol}' is not '{ProtocolVersion.Current}'" : null;

    public static string? Validate(InstrumentCapabilities c)
    {
        if (c.Protocol != ProtocolVersion.Current)
        {
            return $"protocol '{c.Protocol}' is not '{ProtocolVersion.Current}'";
        }

        if (c.Channels < 1)
        {
            return $"channels must be at least 1 (got {c.Channels})";
        }

        foreach (var cap in c.Capabilities)
        {
            if (string.IsNullOrWhiteSpace(cap.Name))
            {
                return "a capability has no name";
            }

            foreach (var limit in cap.Parameters)
            {
                if (limit.Min is { } min && limit.Max is { } max && (!double.IsFinite(min) || !double.IsFinite(max) || min > max))
                {
                    return $"capability '{cap.Name}' parameter '{limit.Name}': min {min} / max {max} are not a valid range";
                }
            }
        }

        return null;
    }
}
