using Microsoft.Extensions.Options;
using SelfDrivingLab.Core.Ledger;

namespace SelfDrivingLab.Ledger.Postgres;

/// <summary>Refuses a connection string that names no PostgreSQL ledger, before the host starts, in one line naming the mistake.</summary>
internal sealed class PostgresLedgerLocationValidator : IValidateOptions<PostgresLedgerOptions>
{
    public ValidateOptionsResult Validate(string? name, PostgresLedgerOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            // The annotations' validator names this one.
            return ValidateOptionsResult.Skip;
        }

        try
        {
            options.Location();
            return ValidateOptionsResult.Success;
        }
        catch (LedgerException ex)
        {
            return ValidateOptionsResult.Fail("Ledger:ConnectionString: " + ex.Message);
        }
    }
}
