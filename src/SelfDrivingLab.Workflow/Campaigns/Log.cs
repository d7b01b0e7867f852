using Microsoft.Extensions.Logging;
using SelfDrivingLab.Core.Ledger;

namespace SelfDrivingLab.Workflow.Campaigns;

/// <summary>Source-generated log messages of the campaign runner.</summary>
public sealed partial class CampaignRunner
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Campaign {CampaignId} started: budget {Budget}, {Parallel} in parallel")]
        public static partial void CampaignStarted(ILogger logger, string campaignId, int budget, int parallel);

        [LoggerMessage(EventId = 204, Level = LogLevel.Information, Message = "Campaign {CampaignId} resumed: {Finished} experiments finished, {InFlight} in flight, budget {Budget}")]
        public static partial void CampaignResumed(ILogger logger, string campaignId, int finished, int inFlight, int budget);

        [LoggerMessage(EventId = 205, Level = LogLevel.Information, Message = "Campaign {CampaignId} resumed under a changed definition ({Kind}): {Changes}")]
        public static partial void CampaignRevised(ILogger logger, string campaignId, CampaignRevisionKind kind, string changes);

        [LoggerMessage(EventId = 206, Level = LogLevel.Warning, Message = "Campaign {CampaignId} stopping: nothing new is dispatched; waiting up to {Grace} for the commands of {Running} experiments in flight")]
        public static partial void CampaignStopping(ILogger logger, string campaignId, int running, TimeSpan grace);

        [LoggerMessage(EventId = 207, Level = LogLevel.Warning, Message = "Campaign {CampaignId} interrupted with {Finished} experiments finished and {LeftInFlight} left in flight; the next run resumes it")]
        public static partial void CampaignInterrupted(ILogger logger, string campaignId, int finished, int leftInFlight);

        [LoggerMessage(EventId = 208, Level = LogLevel.Warning, Message = "Campaign {CampaignId} resumes paused, as it was when its host stopped (by {PausedBy}: {Reason}); it goes on once an operator resumes it")]
        public static partial void CampaignResumedPaused(ILogger logger, string campaignId, string pausedBy, string reason);

        [LoggerMessage(EventId = 201, Level = LogLevel.Debug, Message = "Experiment {ExperimentId} proposed ({Strategy}): {Parameters}")]
        public static partial void ExperimentProposed(ILogger logger, string experimentId, string parameters, string strategy);

        [LoggerMessage(EventId = 202, Level = LogLevel.Information, Message = "Experiment {ExperimentId} failed: {Reason}")]
        public static partial void ExperimentFailed(ILogger logger, string experimentId, string reason);

        [LoggerMessage(EventId = 203, Level = LogLevel.Information, Message = "Campaign {CampaignId} finished {Status}: {Completed} completed, {Failed} failed")]
        public static partial void CampaignFinished(ILogger logger, string campaignId, CampaignStatus status, int completed, int failed);
    }
}
