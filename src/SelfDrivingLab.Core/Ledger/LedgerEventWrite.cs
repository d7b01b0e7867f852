namespace SelfDrivingLab.Core.Ledger;

/// <summary>What <see cref="ILedger.RecordEventAsync"/> stores, as one write of a batch.</summary>
/// <param name="Event">The event about a command (stored earlier, or earlier in the same batch).</param>
public sealed record LedgerEventWrite(InstrumentEventRecord Event) : LedgerWrite;
