using SelfDrivingLab.Core.Ledger;

namespace SelfDrivingLab.Ledger;

/// <summary>
/// An open ledger store (<see cref="SqliteLedger"/>, or the PostgreSQL ledger): every ledger interface of one store, and
/// closing it. What the commands that read a ledger (<c>status</c>, <c>export</c>, <c>audit</c>) are given, whichever store
/// it is. Implementations are thread-safe.
/// </summary>
public interface ILedgerStore : ILedger, IInstrumentStatusLedger, IControlAuditLedger, ILedgerTimeline, IAsyncDisposable
{
    /// <summary>True when opened read-only; writes then throw <see cref="LedgerException"/>.</summary>
    bool IsReadOnly { get; }

    /// <summary>The store's schema version (an older one only when opened read-only, which never migrates).</summary>
    int SchemaVersion { get; }
}
