namespace SelfDrivingLab.Dashboard.Operators;

/// <summary>An operator's action from the page, the same as <c>sdl control</c>'s.</summary>
public enum DashboardAction
{
    /// <summary>Lets a held proposal (an experiment) run.</summary>
    Approve,

    /// <summary>Refuses a held proposal (an experiment): it ends aborted without running.</summary>
    Reject,

    /// <summary>Pauses a campaign: steps in flight finish, nothing new is dispatched.</summary>
    Pause,

    /// <summary>Resumes a paused campaign.</summary>
    Resume,

    /// <summary>Aborts a campaign.</summary>
    Abort,

    /// <summary>Returns a quarantined instrument to service.</summary>
    ReturnToService,

    /// <summary>Admits an instrument that is not admitted, for what it announces now.</summary>
    Admit,
}
