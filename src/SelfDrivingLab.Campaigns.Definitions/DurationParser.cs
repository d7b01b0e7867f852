using System.Globalization;

namespace SelfDrivingLab.Campaigns;

/// <summary>
/// Reads durations as written in campaign files: a number and a unit (<c>500ms</c>, <c>90s</c>,
/// <c>15m</c>, <c>2h</c>, <c>1d</c>, <c>1.5h</c>) or a clock form with colons (<c>01:30:00</c>,
/// <c>1.02:00:00</c>). A bare number is refused because its unit would be a guess. Thread-safe.
/// </summary>
public static class DurationParser
{
    /// <summary>What a valid duration looks like, for error messages.</summary>
    public const string Hint = "use e.g. 90s, 15m, 2h";

    private static readonly (string Suffix, double Milliseconds)[] Units =
    [
        ("ms", 1),
        ("s", 1_000),
        ("m", 60_000),
        ("h", 3_600_000),
        ("d", 86_400_000),
    ];

    /// <summary>Parses <paramref name="text"/>; false when it is not a duration (sign is kept, so check positivity separately).</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (trimmed.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out duration);
        }

        // Longest suffix first so "ms" is not read as "m".
        foreach (var (suffix, milliseconds) in Units.OrderByDescending(u => u.Suffix.Length))
        {
            if (!trimmed.EndsWith(suffix, StringComparison.Ordinal))
            {
                continue;
            }

            var number = trimmed[..^suffix.Length];
            if (number.Length > 0
                && char.IsAsciiDigit(number[^1])
                && double.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                && double.IsFinite(value * milliseconds)
                && Math.Abs(value * milliseconds) < TimeSpan.MaxValue.TotalMilliseconds)
            {
                duration = TimeSpan.FromMilliseconds(value * milliseconds);
                return true;
            }

            return false;
        }

        return false;
    }

    /// <summary>
    /// Writes <paramref name="duration"/> as a campaign file would: in the largest unit that holds it exactly
    /// (<c>1d</c>, <c>2h</c>, <c>90m</c>, <c>45s</c>, <c>500ms</c>), or in the clock form for anything finer.
    /// <see cref="TryParse"/> reads the result back to the same value.
    /// </summary>
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0s";
        }

        foreach (var (suffix, milliseconds) in Units.OrderByDescending(u => u.Milliseconds))
        {
            var ticks = (long)milliseconds * TimeSpan.TicksPerMillisecond;
            if (duration.Ticks % ticks == 0)
            {
                return (duration.Ticks / ticks).ToString(CultureInfo.InvariantCulture) + suffix;
            }
        }

        return duration.ToString("c", CultureInfo.InvariantCulture);
    }

    /// <summary>Parses <paramref name="text"/> or throws <see cref="FormatException"/> with <see cref="Hint"/>.</summary>
    public static TimeSpan Parse(string text) =>
        TryParse(text, out var duration) ? duration : throw new FormatException($"'{text}' is not a duration ({Hint}).");
}
