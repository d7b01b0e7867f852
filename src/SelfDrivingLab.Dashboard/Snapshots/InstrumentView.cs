namespace SelfDrivingLab.Dashboard.Snapshots;

/// <summary>One instrument's last known status, from the ledger. Immutable.</summary>
/// <param name="Id">The instrument id.</param>
/// <param name="Site">Its site, when a status record names it.</param>
/// <param name="Status"><c>quarantined</c>, <c>in service</c>, <c>admitted</c>, <c>not admitted</c>, or <c>no status recorded</c>.</param>
/// <param name="Since">When the status was recorded.</param>
/// <param name="Actor">Who recorded it.</param>
/// <param name="Detail">Why.</param>
/// <param name="Commands">Commands the ledger stores for it.</param>
/// <param name="CurrentCommand">The command it is running, when one is in flight.</param>
public sealed record InstrumentView(
    string Id,
    string? Site,
    string Status,
    DateTimeOffset? Since,
    string? Actor,
    string? Detail,
    int Commands,
    CommandView? CurrentCommand);
