using Microsoft.Extensions.Logging;
using SelfDrivingLab.Core.Ids;

namespace SelfDrivingLab.Instruments.Sdk;

internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Instrument {Instrument} at site {Site} is online as {ClientId}")]
    public static partial void Online(ILogger logger, InstrumentId instrument, SiteId site, string clientId);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Instrument {Instrument} is offline")]
    public static partial void Offline(ILogger logger, InstrumentId instrument);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Instrument {Instrument} dropped an unreadable command on {Topic}: {Reason}")]
    public static partial void InvalidCommand(ILogger logger, InstrumentId instrument, string topic, string reason);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Instrument {Instrument} repeats the latest event ({Kind}) of duplicate command {CommandId}")]
    public static partial void Duplicate(ILogger logger, InstrumentId instrument, CommandId commandId, string kind);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Instrument {Instrument} rejected command {CommandId} ({Error}): {Reason}")]
    public static partial void Rejected(ILogger logger, InstrumentId instrument, CommandId commandId, string error, string reason);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Instrument {Instrument} accepted command {CommandId}: {Action}({Parameters})")]
    public static partial void Accepted(ILogger logger, InstrumentId instrument, CommandId commandId, string action, string parameters);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Instrument {Instrument} finished command {CommandId}: {Outcome}")]
    public static partial void Finished(ILogger logger, InstrumentId instrument, CommandId commandId, string outcome);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Error, Message = "Instrument {Instrument}'s driver threw while running command {CommandId}")]
    public static partial void DriverError(ILogger logger, Exception exception, InstrumentId instrument, CommandId commandId);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Information, Message = "Instrument {Instrument} aborts command {CommandId} on request")]
    public static partial void AbortRequested(ILogger logger, InstrumentId instrument, CommandId commandId);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Error, Message = "Instrument {Instrument} could not record or publish the outcome of command {CommandId}")]
    public static partial void OutcomeNotDelivered(ILogger logger, Exception exception, InstrumentId instrument, CommandId commandId);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Instrument {Instrument} injects fault {Fault} into command {CommandId}")]
    public static partial void FaultInjected(ILogger logger, InstrumentId instrument, CommandId commandId, string fault);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning, Message = "Instrument {Instrument} could not inject fault {Fault} into command {CommandId}: {Reason}")]
    public static partial void FaultNotApplied(ILogger logger, InstrumentId instrument, CommandId commandId, string fault, string reason);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Warning, Message = "Command journal {Path} line {Line} is unreadable (torn by a crash mid-write?) and is skipped: {Reason}")]
    public static partial void JournalLineSkipped(ILogger logger, string path, int line, string reason);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Warning, Message = "Instrument {Instrument} restarted while command {CommandId} ran: it is reported failed (interrupted) and never run again")]
    public static partial void JournalCommandInterrupted(ILogger logger, InstrumentId instrument, CommandId commandId);
}
