using System.ComponentModel.DataAnnotations;
using SelfDrivingLab.Workflow.Campaigns;

namespace SelfDrivingLab.Hosting.Campaigns;

/// <summary>
/// How a campaign host runs its campaigns, bound from the <c>Campaign</c> configuration section (e.g. the environment
/// variable <c>Campaign__StopGracePeriod=00:05:00</c>) and validated when the host starts.
/// </summary>
public sealed class CampaignOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Campaign";

    /// <summary>
    /// How long a stopping host (SIGTERM, Ctrl-C) waits for the commands in flight to finish before it stores the campaign
    /// interrupted (default 2 minutes; 0 to 1 day). Nothing new is dispatched meanwhile. Counted on the wall clock, also for a
    /// simulated campaign, whose commands in flight then finish in virtual time. Commands still in flight when it ends are
    /// left to their instruments and reconciled by their ids when the campaign is resumed.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan StopGracePeriod { get; set; } = CampaignRunner.DefaultStopGracePeriod;
}
