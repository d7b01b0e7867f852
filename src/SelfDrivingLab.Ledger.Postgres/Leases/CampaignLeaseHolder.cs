namespace SelfDrivingLab.Ledger.Postgres.Leases;

/// <summary>Who holds a campaign's lease that another host asked for, measured on the server's clock. Immutable.</summary>
/// <param name="Campaign">The campaign's name.</param>
/// <param name="Owner">The holder.</param>
/// <param name="Epoch">The holder's epoch.</param>
/// <param name="SinceHeartbeat">How long ago the holder last renewed it.</param>
/// <param name="ExpiresIn">How long until it expires unless renewed.</param>
public sealed record CampaignLeaseHolder(string Campaign, string Owner, long Epoch, TimeSpan SinceHeartbeat, TimeSpan ExpiresIn)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Owner} (lease epoch {Epoch}, last heartbeat {SinceHeartbeat.TotalSeconds:0.0} s ago, expires in {Math.Max(0, ExpiresIn.TotalSeconds):0.0} s unless renewed)";
}
