namespace SelfDrivingLab.Core.Ledger;

/// <summary>Coarse status of an experiment; the workflow's own state name is kept beside it.</summary>
public enum ExperimentStatus
{
    /// <summary>Proposed by the optimizer, no step started.</summary>
    Proposed,

    /// <summary>A workflow step is running.</summary>
    Running,

    /// <summary>Every step finished and the objective was measured.</summary>
    Completed,

    /// <summary>A step failed; the reason is recorded.</summary>
    Failed,

    /// <summary>Stopped by an operator or a shutdown.</summary>
    Aborted,
}
