namespace SelfDrivingLab.Core.Ledger;

/// <summary>What <see cref="ILedger.RecordCommandAsync"/> stores, as one write of a batch.</summary>
/// <param name="Command">The command, stored before it is sent.</param>
public sealed record LedgerCommandWrite(CommandRecord Command) : LedgerWrite;
