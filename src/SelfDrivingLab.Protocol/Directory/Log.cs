using Microsoft.Extensions.Logging;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Protocol.Directory;

/// <summary>Source-generated log messages of the instrument directory.</summary>
internal static partial class Log
{
    [LoggerMessage(200, LogLevel.Warning, "Directory dropped a message on {Topic} ({Reason}): {Detail}")]
    public static partial void MessageDropped(ILogger logger, string topic, string reason, string detail);

    [LoggerMessage(201, LogLevel.Information, "Instrument {Site}/{Instrument} is {State}")]
    public static partial void AvailabilityChanged(ILogger logger, string site, string instrument, AvailabilityState state);

    [LoggerMessage(202, LogLevel.Information, "Instrument {Site}/{Instrument} ({Model}) offers {CapabilityCount} actions")]
    public static partial void CapabilitiesChanged(ILogger logger, string site, string instrument, string model, int capabilityCount);

    [LoggerMessage(1402, LogLevel.Error, "A LinkCameUp handler failed for the link {From} -> {To}")]
    public static partial void LinkCameUpHandlerFailed(ILogger logger, Exception exception, string from, string to);

    [LoggerMessage(203, LogLevel.Error, "A CameOnline handler failed for {Site}/{Instrument}")]
    public static partial void CameOnlineHandlerFailed(ILogger logger, Exception exception, string site, string instrument);

    [LoggerMessage(1400, LogLevel.Warning, "Link from site {From} to site {To} is {State}")]
    public static partial void SiteLinkChanged(ILogger logger, string from, string to, string state);

    [LoggerMessage(1401, LogLevel.Warning, "Cannot follow the links between sites ({Reason}); every site counts as reachable. Regenerate the broker configuration with 'sdl facility broker-config'.")]
    public static partial void SiteLinksUnreadable(ILogger logger, string reason);
}
