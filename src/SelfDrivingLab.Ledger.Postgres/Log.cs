using Microsoft.Extensions.Logging;

namespace SelfDrivingLab.Ledger.Postgres;

/// <summary>The PostgreSQL ledger's log records (event ids 1300–1349).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "Created the ledger's tables in {Location} (schema version {Version})")]
    public static partial void SchemaCreated(ILogger logger, string location, int version);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Upgraded the ledger {Location} from schema version {From} to {To}")]
    public static partial void SchemaUpgraded(ILogger logger, string location, int from, int to);
}
