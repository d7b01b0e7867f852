using Microsoft.Extensions.Logging;

namespace SelfDrivingLab.Workflow.Experiments;

/// <summary>Source-generated log messages of the experiment runner.</summary>
public sealed partial class ExperimentRunner
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 100, Level = LogLevel.Debug, Message = "Command {CommandId} sent to {Instrument} for step {Step}")]
        public static partial void CommandSent(ILogger logger, string commandId, string instrument, string step);

        [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Command {CommandId} on {Instrument} missed its deadline of {Deadline}; aborting it")]
        public static partial void StepTimedOut(ILogger logger, string commandId, string instrument, TimeSpan deadline);

        [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Command {CommandId} was refused as busy; sending again in {Pause}")]
        public static partial void InstrumentBusy(ILogger logger, string commandId, TimeSpan pause);

        [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "Command {CommandId} was in flight at a restart; reconciling it with {Instrument}")]
        public static partial void CommandReconciled(ILogger logger, string commandId, string instrument);
    
        [LoggerMessage(EventId = 104, Level = LogLevel.Information, Message = "Experiment {ExperimentId} skips step {Step} because {Condition}")]
        public static partial void StepSkipped(ILogger logger, string experimentId, string step, string condition);

        [LoggerMessage(EventId = 105, Level = LogLevel.Warning, Message = "Command {CommandId} failed on {Instrument}; not retried because '{Capability}' is not declared idempotent")]
        public static partial void RetryRefused(ILogger logger, string commandId, string instrument, string capability);

        [LoggerMessage(EventId = 106, Level = LogLevel.Information, Message = "Command {CommandId} failed or timed out; sending it again as {NextCommandId} in {Pause}")]
        public static partial void StepRetrying(ILogger logger, string commandId, string nextCommandId, TimeSpan pause);

        [LoggerMessage(EventId = 107, Level = LogLevel.Information, Message = "Command {CommandId} failed; sending the step again as {NextCommandId} to {Instrument}")]
        public static partial void StepRetryingElsewhere(ILogger logger, string commandId, string nextCommandId, string instrument);

        [LoggerMessage(EventId = 108, Level = LogLevel.Warning, Message = "Command {CommandId} on {Instrument} was in flight when the experiment was cancelled; abort sent")]
        public static partial void CommandAborted(ILogger logger, string commandId, string instrument);

        [LoggerMessage(EventId = 1403, Level = LogLevel.Information, Message = "Experiment {ExperimentId} step {Step}: sample shipped to site {Site}, arriving in {Duration}")]
        public static partial void SampleShipped(ILogger logger, string experimentId, string step, string site, TimeSpan duration);

        [LoggerMessage(EventId = 109, Level = LogLevel.Information, Message = "Experiment {ExperimentId} interrupted in state {State}: the next run continues it from there")]
        public static partial void ExperimentInterrupted(ILogger logger, string experimentId, string state);

        [LoggerMessage(EventId = 450, Level = LogLevel.Warning, Message = "Command {CommandId} on {Instrument} did not confirm its abort within {Wait}; its step is not retried (retry_elsewhere still goes to another instrument)")]
        public static partial void AbortUnconfirmed(ILogger logger, string commandId, string instrument, TimeSpan wait);

        [LoggerMessage(EventId = 451, Level = LogLevel.Warning, Message = "Experiment {ExperimentId} step {Step}: {Reason}")]
        public static partial void CommandOutsideLimits(ILogger logger, string experimentId, string step, string reason);

        [LoggerMessage(EventId = 1530, Level = LogLevel.Warning, Message = "Events of command {CommandId} that nothing acted on could not be stored: {Reason}")]
        public static partial void EventFlushFailed(ILogger logger, string commandId, string reason);
    }
}
