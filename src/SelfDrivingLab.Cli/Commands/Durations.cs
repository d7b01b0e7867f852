using System.Globalization;

namespace SelfDrivingLab.Cli.Commands;

/// <summary>Formats lab durations for people (<c>3 d 03 h 16 m</c>, <c>2 h 05 m</c>, <c>4 m 10 s</c>) and reads duration options (<c>10s</c>, <c>2m</c>).</summary>
internal static class Durations
{
    /// <summary>Reads the value of a duration option; on a bad value prints <c>error: {option}: …</c> and returns false.</summary>
    public static bool TryParsePositive(string? text, string option, CliConsole console, out TimeSpan duration)
    {
        if (SelfDrivingLab.Campaigns.DurationParser.TryParse(text, out duration) && duration > TimeSpan.Zero)
        {
            return true;
        }

        console.Error.WriteLine($"error: {option}: '{text}' is not a positive duration ({SelfDrivingLab.Campaigns.DurationParser.Hint})");
        return false;
    }

    public static string Format(TimeSpan span) =>
        span.TotalDays >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays} d {span.Hours:00} h {span.Minutes:00} m")
        : span.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{span.Hours} h {span.Minutes:00} m")
        : span.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{span.Minutes} m {span.Seconds:00} s")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#} s");
}
