namespace SelfDrivingLab.Core.Ledger;

/// <summary>
/// One write of a batch stored in one transaction by <see cref="ILedger.RecordBatchAsync"/>: the ledger's experiment writes
/// as data, so writes the orchestrator may group (e.g. the transition into a step and the command it sends) commit once.
/// The kinds are closed: <see cref="LedgerTransitionWrite"/>, <see cref="LedgerCommandWrite"/>, <see cref="LedgerEventWrite"/>
/// and <see cref="LedgerResultWrite"/>. Immutable.
/// </summary>
public abstract record LedgerWrite
{
    private protected LedgerWrite()
    {
    }
}
