namespace SelfDrivingLab.Core.Ledger;

/// <summary>
/// The ledger's instrument-level history (quarantine, return to service), kept apart from
/// <see cref="ILedger"/> so existing ledger implementations need not change. Implementations are thread-safe.
/// </summary>
public interface IInstrumentStatusLedger
{
    /// <summary>Stores an instrument-level event; throws <see cref="LedgerException"/> for an unknown kind or an empty actor.</summary>
    ValueTask RecordInstrumentStatusAsync(InstrumentStatusRecord status, CancellationToken cancellationToken = default);

    /// <summary>Every instrument-level event, oldest first (empty for a ledger older than the table).</summary>
    ValueTask<IReadOnlyList<InstrumentStatusRecord>> GetInstrumentStatusesAsync(CancellationToken cancellationToken = default);
}
