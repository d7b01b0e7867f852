using SelfDrivingLab.Core.Ids;

namespace SelfDrivingLab.Core.Ledger;

/// <summary>
/// A running campaign resumed under a changed definition: the new definition replaces the campaign's stored one, and
/// this record keeps what changed and when. Immutable.
/// </summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Kind">Free changes only, or accepted changes to what defines it.</param>
/// <param name="At">When it was resumed.</param>
/// <param name="Definition">The new definition's text (the campaign file).</param>
/// <param name="Identity">The new definition's canonical identity (see <see cref="CampaignRecord.Identity"/>).</param>
/// <param name="Seed">The new seed.</param>
/// <param name="Budget">The new budget.</param>
/// <param name="Changes">What changed, one line each, e.g. <c>space.theta.high: 200 → 250</c>.</param>
public sealed record CampaignRevisionRecord(
    CampaignId CampaignId,
    CampaignRevisionKind Kind,
    DateTimeOffset At,
    string Definition,
    string Identity,
    int Seed,
    int Budget,
    IReadOnlyList<string> Changes);
