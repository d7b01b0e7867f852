using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace SelfDrivingLab.Cli.Commands;

/// <summary><c>--log-level</c>: how much of the host's log goes to stderr (default warning).</summary>
internal static class LogLevelOption
{
    private static readonly string[] Names = ["trace", "debug", "information", "warning", "error", "critical", "none"];

    public static Option<string> Create()
    {
        var option = new Option<string>("--log-level")
        {
            Description = "How much of the log to write to stderr: trace, debug, information, warning (default), error, critical or none.",
            DefaultValueFactory = _ => "warning",
        };
        option.AcceptOnlyFromAmong(Names);
        return option;
    }

    /// <summary>The level named by the option's (validated) value.</summary>
    public static LogLevel Parse(string value) => Enum.Parse<LogLevel>(value, ignoreCase: true);
}
