using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Protocol.Bus;

namespace SelfDrivingLab.Hosting.Logging;

/// <summary>
/// The console log format of the sdl hosts (written to stderr, so it never mixes into a command's output): one line
/// <c>warn: message [Type id]</c> (the logging type's short name and the event id), further lines of the message and an
/// exception indented below it. An exception caused by the environment or the user's input — a full disk, a damaged or
/// read-only ledger, an unreachable broker, a bad setting — is written as its message alone: a stack trace is for a
/// defect in the code, never for a user's mistake. Thread-safe.
/// </summary>
internal sealed class SdlConsoleFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "sdl";

    private const string Indent = "      ";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
        {
            return;
        }

        var lines = message.Split('\n');
        var source = logEntry.Category[(logEntry.Category.LastIndexOf('.') + 1)..];
        textWriter.Write($"{Level(logEntry.LogLevel)}: {lines[0].TrimEnd('\r')} [{source} {logEntry.EventId.Id}]{Environment.NewLine}");
        if (lines.Length > 1)
        {
            WriteIndented(textWriter, string.Join('\n', lines.Skip(1)));
        }

        if (logEntry.Exception is { } exception)
        {
            WriteIndented(textWriter, IsCausedByEnvironment(exception) ? $"{exception.GetType().Name}: {exception.Message}" : exception.ToString());
        }
    }

    /// <summary>Exceptions that describe a problem outside the code (input, disk, network, settings); their message says it all.</summary>
    internal static bool IsCausedByEnvironment(Exception exception) => exception is
        LedgerException or IOException or UnauthorizedAccessException or MessageBusUnavailableException or OptionsValidationException or CampaignHostException;

    private static void WriteIndented(TextWriter writer, string text)
    {
        foreach (var line in text.Split('\n'))
        {
            writer.Write(Indent);
            writer.Write(line.TrimEnd('\r'));
            writer.Write(Environment.NewLine);
        }
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => level.ToString().ToLowerInvariant(),
    };
}
