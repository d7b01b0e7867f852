using Microsoft.Extensions.Logging;
using SelfDrivingLab.Core.Ids;

namespace SelfDrivingLab.Protocol.Client;

/// <summary>Source-generated log messages of the command client.</summary>
internal static partial class Log
{
    [LoggerMessage(100, LogLevel.Warning, "Dropped a message on {Topic} ({Reason}): {Detail}")]
    public static partial void MessageDropped(ILogger logger, string topic, string reason, string detail);

    [LoggerMessage(101, LogLevel.Debug, "Sent {CommandType} command {CommandId} to {Topic}")]
    public static partial void CommandSent(ILogger logger, string commandType, CommandId commandId, string topic);

    [LoggerMessage(102, LogLevel.Warning, "Command {CommandId} to {Topic} timed out at its deadline {Deadline:O}")]
    public static partial void CommandTimedOut(ILogger logger, CommandId commandId, string topic, DateTimeOffset deadline);

    [LoggerMessage(103, LogLevel.Error, "The event callback of command {CommandId} failed on an event of kind {EventKind}")]
    public static partial void EventCallbackFailed(ILogger logger, Exception exception, CommandId commandId, string eventKind);

    [LoggerMessage(104, LogLevel.Information, "Command {CommandId} ended: {Outcome} {Error}")]
    public static partial void CommandEnded(ILogger logger, CommandId commandId, string outcome, string? error);

    [LoggerMessage(105, LogLevel.Information, "Command {CommandId} sent again on {Topic} to reconcile it after a reconnect")]
    public static partial void CommandResent(ILogger logger, CommandId commandId, string topic);

    [LoggerMessage(106, LogLevel.Warning, "Event {EventKind} for command {CommandId} arrived after the orchestrator gave up on it; recorded as late, not applied")]
    public static partial void LateEvent(ILogger logger, CommandId commandId, string eventKind);

    [LoggerMessage(107, LogLevel.Error, "Could not record the late event of command {CommandId}")]
    public static partial void LateEventNotRecorded(ILogger logger, Exception exception, CommandId commandId);

    [LoggerMessage(120, LogLevel.Information, "The instrument answered the abort of command {CommandId}: {EventKind}")]
    public static partial void AbortAnswered(ILogger logger, CommandId commandId, string eventKind);

    [LoggerMessage(121, LogLevel.Warning, "The abort of command {CommandId} on {Topic} was not confirmed within {Wait}")]
    public static partial void AbortNotConfirmed(ILogger logger, CommandId commandId, string topic, TimeSpan wait);

    [LoggerMessage(122, LogLevel.Information, "Asked {Topic} for the status of command {CommandId} instead of sending it again (it might run twice)")]
    public static partial void StatusQueried(ILogger logger, CommandId commandId, string topic);

    [LoggerMessage(123, LogLevel.Debug, "The instrument answered the status query of command {CommandId}: {EventKind}")]
    public static partial void StatusAnswered(ILogger logger, CommandId commandId, string eventKind);

    [LoggerMessage(124, LogLevel.Warning, "Command {CommandId} is unknown to the instrument ({Topic}); it is failed as lost and not sent again")]
    public static partial void CommandLost(ILogger logger, CommandId commandId, string topic);
}
