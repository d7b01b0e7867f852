namespace SelfDrivingLab.Core.Ledger;

/// <summary>Why a campaign's stored definition was replaced when it was resumed.</summary>
public enum CampaignRevisionKind
{
    /// <summary>Only what may change freely changed (budget, parallelism, description, comments, formatting, simulators…).</summary>
    FreeChanges,

    /// <summary>What defines the campaign changed, and the operator accepted it (<c>sdl run --accept-changes</c>).</summary>
    AcceptedChanges,
}
