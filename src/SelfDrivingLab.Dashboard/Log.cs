using Microsoft.Extensions.Logging;

namespace SelfDrivingLab.Dashboard;

/// <summary>The dashboard's log records (event ids 1100–1119, 1252–1269).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Dashboard of {Ledger} listening at {Address}")]
    public static partial void Listening(ILogger logger, string ledger, string address);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Could not read the ledger {Ledger}; pages keep the last view: {Reason}")]
    public static partial void ReadFailed(ILogger logger, string ledger, string reason);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Debug, Message = "Ledger changed: view version {Version} pushed to open pages")]
    public static partial void ViewChanged(ILogger logger, long version);

    [LoggerMessage(EventId = 1252, Level = LogLevel.Information, Message = "Dashboard sign-in: {Identity} as {Role}")]
    public static partial void SignedIn(ILogger logger, string identity, Operators.DashboardRole role);

    [LoggerMessage(EventId = 1253, Level = LogLevel.Warning, Message = "Dashboard sign-in refused for '{Identity}': unknown identity or wrong password")]
    public static partial void SignInRefused(ILogger logger, string identity);
}
