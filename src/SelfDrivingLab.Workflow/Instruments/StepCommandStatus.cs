namespace SelfDrivingLab.Workflow.Instruments;

/// <summary>How a step's command ended.</summary>
public enum StepCommandStatus
{
    /// <summary>The instrument completed the action.</summary>
    Completed,

    /// <summary>The action ran and failed.</summary>
    Failed,

    /// <summary>The instrument refused the command without running it.</summary>
    Rejected,

    /// <summary>The action was aborted.</summary>
    Aborted,

    /// <summary>No final event arrived before the deadline.</summary>
    TimedOut,
}
