namespace SelfDrivingLab.Ledger.Postgres.Leases;

/// <summary>
/// What asking for a campaign's lease gave: the lease (new, or taken over from an expired holder) or the live holder who
/// keeps it. Immutable.
/// </summary>
/// <param name="Lease">The lease now held; null when <paramref name="Holder"/> keeps it.</param>
/// <param name="Holder">The live holder; null when acquired.</param>
/// <param name="PreviousOwner">The expired holder it was taken over from; null for a first acquisition.</param>
/// <param name="SincePreviousHeartbeat">How long after the previous holder's last heartbeat it was taken over (server clock).</param>
public sealed record CampaignLeaseAcquisition(CampaignLease? Lease, CampaignLeaseHolder? Holder, string? PreviousOwner, TimeSpan? SincePreviousHeartbeat)
{
    /// <summary>True when the lease was acquired.</summary>
    public bool Acquired => Lease is not null;

    /// <summary>True when another holder had it before (it expired, or was released by a clean stop).</summary>
    public bool IsTakeover => Lease is not null && PreviousOwner is not null;
}
