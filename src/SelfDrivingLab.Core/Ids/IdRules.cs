namespace SelfDrivingLab.Core.Ids;

/// <summary>The one rule every id follows, so ids are safe inside MQTT topics, file names and SQL.</summary>
public static class IdRules
{
    /// <summary>Longest id accepted.</summary>
    public const int MaxLength = 128;

    /// <summary>Returns <paramref name="value"/> when it is a valid id, else throws naming <paramref name="kind"/>.</summary>
    public static string Validate(string? value, string kind)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException($"{kind} must not be empty.", nameof(value));
        }

        if (value.Length > MaxLength)
        {
            throw new ArgumentException($"{kind} '{value[..16]}…' is longer than {MaxLength} characters.", nameof(value));
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                throw new ArgumentException($"{kind} '{value}' contains '{c}'; use letters, digits, '-', '_' or '.'.", nameof(value));
            }
        }

        return value;
    }

    /// <summary>True when <paramref name="value"/> would be accepted by <see cref="Validate"/>.</summary>
    public static bool IsValid(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
