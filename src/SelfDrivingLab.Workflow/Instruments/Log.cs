using Microsoft.Extensions.Logging;

namespace SelfDrivingLab.Workflow.Instruments;

/// <summary>Source-generated log messages of the instrument gateway.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 400, Level = LogLevel.Error, Message = "Instrument {Site}/{Instrument} quarantined: {Reason}; it gets no work until an operator returns it to service")]
    public static partial void Quarantined(ILogger logger, string site, string instrument, string reason);

    [LoggerMessage(EventId = 401, Level = LogLevel.Warning, Message = "Instrument {Site}/{Instrument} returned to service by {Operator}")]
    public static partial void ReturnedToService(ILogger logger, string site, string instrument, string @operator);

    [LoggerMessage(EventId = 402, Level = LogLevel.Error, Message = "Could not record the {Kind} of instrument {Site}/{Instrument} in the ledger")]
    public static partial void StatusNotRecorded(ILogger logger, Exception exception, SelfDrivingLab.Core.Ledger.InstrumentStatusKind kind, string site, string instrument);

    [LoggerMessage(EventId = 403, Level = LogLevel.Error, Message = "A handler of InstrumentQuarantined failed for {Site}/{Instrument}")]
    public static partial void QuarantineHandlerFailed(ILogger logger, Exception exception, string site, string instrument);

    [LoggerMessage(EventId = 404, Level = LogLevel.Warning, Message = "Instrument {Site}/{Instrument} is still quarantined (restored from the ledger, since {Since:O})")]
    public static partial void QuarantineRestored(ILogger logger, string site, string instrument, DateTimeOffset since);

    [LoggerMessage(EventId = 405, Level = LogLevel.Warning, Message = "Instrument {Site}/{Instrument} gets no command: {Reason}; an operator admits it with 'sdl control admit {Instrument}'")]
    public static partial void NotAdmitted(ILogger logger, string site, string instrument, string reason);

    [LoggerMessage(EventId = 406, Level = LogLevel.Warning, Message = "Instrument {Site}/{Instrument} admitted for {Capabilities} by {Operator}")]
    public static partial void Admitted(ILogger logger, string site, string instrument, string capabilities, string @operator);
}
