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

        [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "Command {CommandId} was in flight at a restart; sent again to {Instrument} to reconcile it")]
        public static partial void CommandReconciled(ILogger logger, string commandId, string instrument);
    }
}
