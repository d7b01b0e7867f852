namespace SelfDrivingLab.Ledger.Tests.Contract;

// The ledger contract on PostgreSQL (SDL_TEST_POSTGRES): each class in a database of its own, each test in a schema of its own.
public sealed class PostgresLedgerRoundTripTests(PostgresTestDatabase database) : LedgerRoundTripContract(database.NewStore()), IClassFixture<PostgresTestDatabase>;

public sealed class PostgresLedgerRefusalTests(PostgresTestDatabase database) : LedgerRefusalContract(database.NewStore()), IClassFixture<PostgresTestDatabase>;

public sealed class PostgresLedgerTimelineTests(PostgresTestDatabase database) : LedgerTimelineContract(database.NewStore()), IClassFixture<PostgresTestDatabase>;

public sealed class PostgresLedgerControlAuditTests(PostgresTestDatabase database) : LedgerControlAuditContract(database.NewStore()), IClassFixture<PostgresTestDatabase>;

public sealed class PostgresLedgerInstrumentStatusTests(PostgresTestDatabase database) : LedgerInstrumentStatusContract(database.NewStore()), IClassFixture<PostgresTestDatabase>;

public sealed class PostgresLedgerPriorDataTests(PostgresTestDatabase database) : LedgerPriorDataContract(database.NewStore()), IClassFixture<PostgresTestDatabase>;
