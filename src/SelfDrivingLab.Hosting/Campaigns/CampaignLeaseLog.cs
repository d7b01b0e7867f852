using Microsoft.Extensions.Logging;

namespace SelfDrivingLab.Hosting.Campaigns;

/// <summary>The campaign leases' log records (event ids 1500–1529).</summary>
internal static partial class CampaignLeaseLog
{
    [LoggerMessage(EventId = 1500, Level = LogLevel.Information, Message = "This host ({Owner}) owns campaign '{Campaign}' (lease epoch {Epoch}, {Duration} long)")]
    public static partial void Acquired(ILogger logger, string campaign, string owner, long epoch, TimeSpan duration);

    // Warning: operators watching the default console level must see that another host's campaign moved here.
    [LoggerMessage(EventId = 1501, Level = LogLevel.Warning, Message = "Took campaign '{Campaign}' over from {Previous}, {SinceHeartbeat:0.0} s after its last heartbeat (lease epoch {Epoch}); resuming it from the ledger")]
    public static partial void TookOver(ILogger logger, string campaign, string previous, double sinceHeartbeat, long epoch);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Warning, Message = "Standing by for campaign '{Campaign}': it is run by {Holder}; taking it over when that lease expires")]
    public static partial void StandingBy(ILogger logger, string campaign, string holder);

    [LoggerMessage(EventId = 1503, Level = LogLevel.Warning, Message = "Could not renew the campaign leases ({Error}); last renewal {Age:0.0} s ago, dispatching pauses after {FreshFor:0.0} s")]
    public static partial void RenewalFailed(ILogger logger, string error, double age, double freshFor);

    [LoggerMessage(EventId = 1504, Level = LogLevel.Error, Message = "Lost campaign '{Campaign}': {Reason}. This host stops it without marking it interrupted or aborted")]
    public static partial void Lost(ILogger logger, string campaign, string reason);

    [LoggerMessage(EventId = 1505, Level = LogLevel.Information, Message = "Released the lease of campaign '{Campaign}' (epoch {Epoch})")]
    public static partial void Released(ILogger logger, string campaign, long epoch);

    [LoggerMessage(EventId = 1506, Level = LogLevel.Warning, Message = "Could not release the lease of campaign '{Campaign}' ({Error}); it expires by itself")]
    public static partial void ReleaseFailed(ILogger logger, string campaign, string error);

    [LoggerMessage(EventId = 1507, Level = LogLevel.Warning, Message = "Standing by for campaign '{Campaign}': could not ask for its lease ({Error}); asking again")]
    public static partial void StandbyPollFailed(ILogger logger, string campaign, string error);
}
