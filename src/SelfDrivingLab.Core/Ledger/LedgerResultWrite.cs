using SelfDrivingLab.Core.Ids;

namespace SelfDrivingLab.Core.Ledger;

/// <summary>What <see cref="ILedger.RecordResultAsync"/> stores, as one write of a batch.</summary>
/// <param name="ExperimentId">The experiment.</param>
/// <param name="Result">What it measured.</param>
/// <param name="At">When it was stored.</param>
public sealed record LedgerResultWrite(ExperimentId ExperimentId, ExperimentResult Result, DateTimeOffset At) : LedgerWrite;
