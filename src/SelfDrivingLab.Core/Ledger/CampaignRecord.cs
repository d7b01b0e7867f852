using SelfDrivingLab.Core.Ids;

namespace SelfDrivingLab.Core.Ledger;

/// <summary>A campaign as stored: its definition text is kept verbatim so a run can be reproduced, with its canonical identity.</summary>
/// <param name="Id">The campaign id.</param>
/// <param name="Name">Human-readable name from the definition.</param>
/// <param name="Definition">The campaign file's text (YAML).</param>
/// <param name="Seed">The seed every random choice of the campaign derives from.</param>
/// <param name="Budget">Experiments the campaign may run.</param>
/// <param name="Status">Current status.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When its status last changed.</param>
public sealed record CampaignRecord(
    CampaignId Id,
    string Name,
    string Definition,
    int Seed,
    int Budget,
    CampaignStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>
    /// The definition's canonical identity: a versioned description of what defines the campaign (space, objective,
    /// workflow, pool, seed, proposer settings), which a resumed definition must match. Null for a campaign stored
    /// before ledger schema 3 (resume then compares <see cref="Definition"/>, the file text, as before).
    /// </summary>
    public string? Identity { get; init; }

    /// <summary>The campaign's pause while it is paused (restored when a host resumes it), otherwise null. From ledger schema 5.</summary>
    public CampaignPause? Pause { get; init; }
}
