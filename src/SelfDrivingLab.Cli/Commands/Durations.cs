using System.Globalization;

namespace SelfDrivingLab.Cli.Commands;

/// <summary>Formats lab durations for people: <c>2d 04:10</c>, <c>03:25</c>.</summary>
internal static class Durations
{
    public static string Format(TimeSpan span) =>
        span.TotalDays >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays}d {span.Hours:00}:{span.Minutes:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{span.Hours:00}:{span.Minutes:00}");
}
