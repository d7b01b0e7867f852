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

    /// <summary>Stopped by an operator.</summary>
    Aborted,
}
