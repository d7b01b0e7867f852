using Microsoft.Extensions.Options;

namespace SelfDrivingLab.Ledger.Postgres;

/// <summary>Refuses options without a connection string (source-generated from the data annotations).</summary>
[OptionsValidator]
internal sealed partial class PostgresLedgerOptionsValidator : IValidateOptions<PostgresLedgerOptions>;
