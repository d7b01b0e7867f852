namespace SelfDrivingLab.Core.Ledger;

/// <summary>What <see cref="ILedger.RecordTransitionAsync"/> stores, as one write of a batch.</summary>
/// <param name="Transition">The transition.</param>
/// <param name="Status">The experiment's status after it.</param>
public sealed record LedgerTransitionWrite(StateTransitionRecord Transition, ExperimentStatus Status) : LedgerWrite;
