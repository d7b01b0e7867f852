namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary><c>on_failure</c>: what a step does once it has failed (or timed out) and its retries are used up.</summary>
public enum StepFailurePolicy
{
    /// <summary><c>fail_experiment</c> (default): the experiment fails; the campaign goes on.</summary>
    FailExperiment,

    /// <summary><c>retry_elsewhere</c>: the step is sent once more to a different online instrument offering the same capability; without one the experiment fails.</summary>
    RetryElsewhere,

    /// <summary><c>pause_campaign</c>: the experiment fails and asks its campaign to pause, so a person can look at the instrument.</summary>
    PauseCampaign,
}
