namespace SelfDrivingLab.Ledger.Tests.Contract;

// The ledger contract on SQLite: each test in a ledger file of its own.
public sealed class SqliteLedgerRoundTripTests() : LedgerRoundTripContract(new SqliteTestStore());

public sealed class SqliteLedgerRefusalTests() : LedgerRefusalContract(new SqliteTestStore());

public sealed class SqliteLedgerTimelineTests() : LedgerTimelineContract(new SqliteTestStore());

public sealed class SqliteLedgerControlAuditTests() : LedgerControlAuditContract(new SqliteTestStore());

public sealed class SqliteLedgerInstrumentStatusTests() : LedgerInstrumentStatusContract(new SqliteTestStore());

public sealed class SqliteLedgerPriorDataTests() : LedgerPriorDataContract(new SqliteTestStore());

public sealed class SqliteLedgerBatchTests() : LedgerBatchContract(new SqliteTestStore());
