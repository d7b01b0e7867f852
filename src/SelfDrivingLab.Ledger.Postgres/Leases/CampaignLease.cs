namespace SelfDrivingLab.Ledger.Postgres.Leases;

/// <summary>
/// A host's ownership of one campaign in a shared PostgreSQL ledger: the campaign's name (what a run resumes it by), the
/// owning host (host name, process id and start time, readable by people) and the epoch, which grows by one at every
/// acquisition so a write under an older epoch is refused. Immutable.
/// </summary>
/// <param name="Campaign">The campaign's name.</param>
/// <param name="Owner">Who holds it, e.g. <c>lab-a pid 4242 started 2026-12-07T07:31:52Z</c>.</param>
/// <param name="Epoch">The acquisition's number, 1 for the first.</param>
public sealed record CampaignLease(string Campaign, string Owner, long Epoch);
