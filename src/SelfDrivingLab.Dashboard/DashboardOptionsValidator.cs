using Microsoft.Extensions.Options;

namespace SelfDrivingLab.Dashboard;

/// <summary>Refuses dashboard options the server could not start with, before anything listens. Stateless and thread-safe.</summary>
public sealed class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    private static readonly TimeSpan ShortestPoll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMinutes(1);

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.LedgerPath))
        {
            return ValidateOptionsResult.Fail(options.OpenLedger is null ? "the ledger path must not be empty" : "the ledger must be named");
        }

        if (options.OpenLedger is null && !File.Exists(options.LedgerPath))
        {
            return ValidateOptionsResult.Fail($"ledger '{Path.GetFullPath(options.LedgerPath)}' does not exist");
        }

        if (options.Port is < 0 or > 65535)
        {
            return ValidateOptionsResult.Fail($"port {options.Port} is not between 0 and 65535");
        }

        return options.PollInterval < ShortestPoll || options.PollInterval > LongestPoll
            ? ValidateOptionsResult.Fail($"the poll interval {options.PollInterval} is not between {ShortestPoll} and {LongestPoll}")
            : ValidateOptionsResult.Success;
    }
}
