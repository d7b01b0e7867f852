using System.ComponentModel.DataAnnotations;

namespace SelfDrivingLab.Hosting.Campaigns;

/// <summary>
/// How a host leases the campaigns it runs on a shared PostgreSQL ledger, bound from the <c>Ledger</c> configuration section
/// (e.g. <c>Ledger__LeaseDuration=00:00:15</c>) and validated when the host starts.
/// </summary>
public sealed class CampaignLeaseOptions
{
    /// <summary>The configuration section (shared with the ledger's connection settings).</summary>
    public const string SectionName = "Ledger";

    /// <summary>Default of <see cref="LeaseDuration"/>: 15 seconds.</summary>
    public static readonly TimeSpan DefaultLeaseDuration = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long a campaign's lease lasts after each heartbeat, on the server's clock (default 15 s; 1 s to 10 minutes). The host
    /// renews every third of it, stops dispatching when its last renewal is two thirds old, and another host may take the
    /// campaign over once it has expired: a dead host's campaign continues elsewhere after about this long.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan LeaseDuration { get; set; } = DefaultLeaseDuration;

    /// <summary>How often the host renews its leases (and a standby asks again): a third of <see cref="LeaseDuration"/>.</summary>
    public TimeSpan HeartbeatInterval => LeaseDuration / 3;
}
