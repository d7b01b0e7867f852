using SelfDrivingLab.Core.Ids;

namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>
/// Several campaigns run at once by one host on a shared pool of instruments (a shared facility). Read from a facility
/// file by the loader or built in code, and checked by <see cref="CampaignValidator"/>. Immutable.
/// </summary>
/// <param name="Name">Facility name.</param>
/// <param name="Description">Free text for people.</param>
/// <param name="Site">The site whose instruments every campaign uses.</param>
/// <param name="Campaigns">The campaigns, each loaded from its own campaign file.</param>
/// <param name="Simulators">The shared instruments the host starts as simulators.</param>
/// <param name="SourcePath">The facility file's full path.</param>
public sealed record FacilityDefinition(
    string Name,
    string? Description,
    SiteId Site,
    IReadOnlyList<CampaignDefinition> Campaigns,
    IReadOnlyList<SimulatedInstrumentDefinition> Simulators,
    string? SourcePath)
{
    /// <summary>Who may use the broker (the file's <c>access:</c> section); null (default) for the defaults of <see cref="FacilityAccess.Of"/>.</summary>
    public FacilityAccess? Access { get; init; }

    /// <summary>
    /// The facility's other sites, each with its own broker bridged to this site's (the file's <c>sites:</c>; default
    /// none: one site, one broker).
    /// </summary>
    public IReadOnlyList<FacilitySite> OtherSites { get; init; } = [];

    /// <summary>
    /// True for a campaign run on its own (<see cref="Single"/>): the facility's instruments are the campaign's
    /// simulators, and its problems are the campaign's.
    /// </summary>
    public bool IsSingleCampaign => Campaigns is [var only] && ReferenceEquals(only.Simulators, Simulators);

    /// <summary>A facility of one campaign with its own simulators (what <c>sdl run campaign.yaml</c> runs).</summary>
    public static FacilityDefinition Single(CampaignDefinition campaign) =>
        new(campaign.Name, campaign.Description, campaign.Site, [campaign], campaign.Simulators, campaign.SourcePath);
}
