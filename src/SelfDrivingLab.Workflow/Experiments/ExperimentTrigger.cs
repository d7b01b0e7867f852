namespace SelfDrivingLab.Workflow.Experiments;

/// <summary>What moves an experiment's workflow.</summary>
public enum ExperimentTrigger
{
    /// <summary>Begin the first step.</summary>
    Start,

    /// <summary>The current step's instrument reported completion.</summary>
    StepSucceeded,

    /// <summary>The current step failed, was rejected, or missed its deadline.</summary>
    StepFailed,

    /// <summary>An operator or a shutdown stopped the experiment.</summary>
    Abort,
}
