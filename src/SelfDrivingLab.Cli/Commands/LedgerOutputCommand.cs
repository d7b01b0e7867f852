using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Ledger;

namespace SelfDrivingLab.Cli.Commands;

/// <summary>
/// The part shared by commands that read a ledger and write files (<c>export</c>, <c>report</c>): the ledger must exist, an
/// optional <c>--campaign</c> must be a valid id of it, the ledger is opened read-only, and a ledger or write failure is
/// a one-line error naming what was wrong.
/// </summary>
internal static class LedgerOutputCommand
{
    /// <summary>Runs <paramref name="write"/> (given the ledger and the campaign, or null for all) and returns its exit code.</summary>
    /// <param name="ledgerText">The ledger argument (a file or a postgres:// URI).</param>
    /// <param name="campaign">The <c>--campaign</c> text, if given.</param>
    /// <param name="console">Where errors go.</param>
    /// <param name="writing">The option and path being written, for a write failure's message (read when it happens).</param>
    /// <param name="write">Writes the output.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static async Task<int> RunAsync(
        string ledgerText, string? campaign, CliConsole console, Func<(string Option, string Path)> writing, Func<ILedgerStore, CampaignId?, Task<int>> write, CancellationToken cancellationToken)
    {
        CampaignId? only = null;
        if (campaign is not null)
        {
            if (!IdRules.IsValid(campaign))
            {
                console.Error.WriteLine($"error: '{campaign}' is not a valid campaign id.");
                return ExitCodes.BadInput;
            }

            only = new CampaignId(campaign);
        }

        try
        {
            await using var ledger = await LedgerArgument.OpenReadOnlyAsync(ledgerText, console, cancellationToken);
            if (ledger is null)
            {
                return ExitCodes.BadInput;
            }

            if (only is { } id && await ledger.FindCampaignAsync(id, cancellationToken) is null)
            {
                console.Error.WriteLine($"error: ledger '{ledger.Location}' has no campaign '{id}'.");
                return ExitCodes.BadInput;
            }

            return await write(ledger, only);
        }
        catch (LedgerException ex)
        {
            console.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception ex) when (OutputPaths.IsWriteFailure(ex))
        {
            var (option, path) = writing();
            console.Error.WriteLine($"error: {option}: cannot write '{path}': {ex.Message}");
            return ExitCodes.BadInput;
        }
    }
}
