using System.CommandLine;

namespace SelfDrivingLab.Cli.Commands;

/// <summary><c>--connect-timeout</c> of the commands that connect to a broker at start-up (<c>run</c>, <c>simulate</c>).</summary>
internal static class ConnectTimeoutOption
{
    public const string Name = "--connect-timeout";

    public static Option<string?> Create() => new(Name)
    {
        Description = "How long to try to reach the broker at start-up before failing (default 30s); a broker refusing the credentials fails at once.",
    };

    /// <summary>The option's value (null when not given); false, having printed why, when it is not a positive duration.</summary>
    public static bool TryRead(ParseResult parse, Option<string?> option, CliConsole console, out TimeSpan? timeout)
    {
        timeout = null;
        if (parse.GetValue(option) is not { } text)
        {
            return true;
        }

        if (!Durations.TryParsePositive(text, Name, console, out var parsed))
        {
            return false;
        }

        timeout = parsed;
        return true;
    }
}
