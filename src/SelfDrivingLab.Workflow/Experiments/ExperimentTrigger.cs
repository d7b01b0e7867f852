namespace SelfDrivingLab.Workflow.Experiments;

/// <summary>What moves an experiment's workflow.</summary>
public enum ExperimentTrigger
{
    /// <summary>Begin the first step (or, when approval is required, wait for it).</summary>
    Start,

    /// <summary>The current step's instrument reported completion.</summary>
    StepSucceeded,

    /// <summary>The current step failed, was rejected, or missed its deadline (after its retries and on-failure policy).</summary>
    StepFailed,

    /// <summary>An operator or a shutdown stopped the experiment.</summary>
    Abort,

    /// <summary>The current step's <c>skip_if</c> matched: it is passed over without a command.</summary>
    Skip,

    /// <summary>The proposal was approved; the first step begins.</summary>
    Approve,

    /// <summary>The proposal was rejected; the experiment ends Aborted.</summary>
    Reject,
}
