using System.Text.RegularExpressions;

namespace SelfDrivingLab.Cli.Tests;

/// <summary>Recognises a .NET stack trace in a process's output.</summary>
internal static partial class StackTraces
{
    public static bool In(string output) => Frame().IsMatch(output);

    [GeneratedRegex(@"(?m)^\s+at \S+\(.*\)|Unhandled exception")]
    private static partial Regex Frame();
}
