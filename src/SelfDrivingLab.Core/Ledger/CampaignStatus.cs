namespace SelfDrivingLab.Core.Ledger;

/// <summary>Where a campaign is in its life.</summary>
public enum CampaignStatus
{
    /// <summary>Proposing and running experiments.</summary>
    Running,

    /// <summary>Budget or goal reached.</summary>
    Completed,

    /// <summary>Stopped by an error it could not handle.</summary>
    Failed,

    /// <summary>Stopped by an operator (<c>sdl control abort</c>); final.</summary>
    Aborted,

    /// <summary>
    /// Stopped by its host (SIGTERM, Ctrl-C) before its budget was spent, after the grace period for in-flight commands;
    /// not final: the next run resumes it like a running one. Stored from ledger schema 5.
    /// </summary>
    Interrupted,
}
