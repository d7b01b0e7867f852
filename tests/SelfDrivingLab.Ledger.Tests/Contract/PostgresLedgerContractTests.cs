using SelfDrivingLab.Tests.Postgres;
namespace SelfDrivingLab.Ledger.Tests.Contract;

// The ledger contract on PostgreSQL (SDL_TEST_POSTGRES): each class in a database of its own, each test in a schema of its own.
public sealed class PostgresLedgerRoundTripTests(PostgresTestDatabase database) : LedgerRoundTripContract(PostgresTestStore.In(database)), IClassFixture<PostgresTestDatabase>;

public sealed class PostgresLedgerRefusalTests(PostgresTestDatabase database) : LedgerRefusalContract(PostgresTestStore.In(database)), IClassFixture<PostgresTestDatabase>;

public sealed class PostgresLedgerTimelineTests(PostgresTestDatabase database) : LedgerTimelineContract(PostgresTestStore.In(database)), IClassFixture<PostgresTestDatabase>;

public sealed class PostgresLedgerControlAuditTests(PostgresTestDatabase database) : LedgerControlAuditContract(PostgresTestStore.In(database)), IClassFixture<PostgresTestDatabase>;

public sealed class PostgresLedgerInstrumentStatusTests(PostgresTestDatabase database) : LedgerInstrumentStatusContract(PostgresTestStore.In(database)), IClassFixture<PostgresTestDatabase>;

public sealed class PostgresLedgerPriorDataTests(PostgresTestDatabase database) : LedgerPriorDataContract(PostgresTestStore.In(database)), IClassFixture<PostgresTestDatabase>;

public sealed class PostgresLedgerBatchTests(PostgresTestDatabase database) : LedgerBatchContract(PostgresTestStore.In(database)), IClassFixture<PostgresTestDatabase>;
