namespace SelfDrivingLab.Protocol.Client;

/// <summary>How a command ended, as seen by the orchestrator.</summary>
public enum CommandOutcomeKind
{
    /// <summary>The instrument finished the action and reported results.</summary>
    Completed,

    /// <summary>The action started but failed.</summary>
    Failed,

    /// <summary>The instrument refused the command without running it.</summary>
    Rejected,

    /// <summary>The action was stopped by an abort.</summary>
    Aborted,

    /// <summary>No final event arrived before the command's deadline (measured on the orchestrator's clock).</summary>
    TimedOut,
}
