namespace SelfDrivingLab.Core.Ledger;

/// <summary>
/// When the ledger's latest record happened, kept apart from <see cref="ILedger"/> so existing ledger
/// implementations need not change. A simulated campaign's virtual clock continues from it on resume,
/// so time never runs backwards in the ledger. Implementations are thread-safe.
/// </summary>
public interface ILedgerTimeline
{
    /// <summary>
    /// The latest instant recorded anywhere (a campaign's creation or status change, a transition, a
    /// command, an event, an instrument status), or null for an empty ledger. Deadlines are not records
    /// of something that happened and do not count.
    /// </summary>
    ValueTask<DateTimeOffset?> GetLatestRecordedTimeAsync(CancellationToken cancellationToken = default);
}
