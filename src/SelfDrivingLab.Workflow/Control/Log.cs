using Microsoft.Extensions.Logging;

namespace SelfDrivingLab.Workflow.Control;

internal static partial class Log
{
    [LoggerMessage(EventId = 700, Level = LogLevel.Warning, Message = "Campaign {Campaign} paused by {Operator}: {Reason}")]
    public static partial void CampaignPaused(ILogger logger, string campaign, string @operator, string reason);

    [LoggerMessage(EventId = 701, Level = LogLevel.Information, Message = "Campaign {Campaign} resumed by {Operator}")]
    public static partial void CampaignResumed(ILogger logger, string campaign, string @operator);

    [LoggerMessage(EventId = 702, Level = LogLevel.Warning, Message = "Campaign {Campaign} aborted by {Operator}: {Reason}")]
    public static partial void CampaignAborted(ILogger logger, string campaign, string @operator, string reason);

    [LoggerMessage(EventId = 703, Level = LogLevel.Warning, Message = "Proposal {Experiment} waits for an operator's approval: {Why}")]
    public static partial void ApprovalRequested(ILogger logger, string experiment, string why);

    [LoggerMessage(EventId = 704, Level = LogLevel.Information, Message = "Proposal {Experiment} {Decision} by {Operator}")]
    public static partial void ApprovalDecided(ILogger logger, string experiment, string decision, string @operator);
}
