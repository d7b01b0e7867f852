namespace SelfDrivingLab.Core.Ledger;

/// <summary>
/// The ledger's audit trail of operator control requests, kept apart from <see cref="ILedger"/> as
/// <see cref="IInstrumentStatusLedger"/> is. Implementations are thread-safe.
/// </summary>
public interface IControlAuditLedger
{
    /// <summary>Stores a handled control request; throws <see cref="LedgerException"/> when it names no operator or action.</summary>
    ValueTask RecordControlRequestAsync(ControlRequestRecord request, CancellationToken cancellationToken = default);

    /// <summary>Every stored control request, oldest first (empty for a ledger older than schema 5).</summary>
    ValueTask<IReadOnlyList<ControlRequestRecord>> GetControlRequestsAsync(CancellationToken cancellationToken = default);
}
