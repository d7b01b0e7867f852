using Microsoft.Extensions.Logging;

namespace SelfDrivingLab.Ledger.Hosting;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Ledger open at {Path}")]
    public static partial void LedgerOpened(ILogger logger, string path);
}
