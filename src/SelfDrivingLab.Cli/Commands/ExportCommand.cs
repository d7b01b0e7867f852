using System.CommandLine;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Ledger;

namespace SelfDrivingLab.Cli.Commands;

/// <summary><c>sdl export &lt;ledger&gt; --csv &lt;file&gt;</c>: writes the results table of a ledger.</summary>
internal static class ExportCommand
{
    public static Command Create(CliConsole console)
    {
        var ledgerPath = new Argument<FileInfo>("ledger") { Description = "The ledger file (SQLite)." };
        var csv = new Option<FileInfo>("--csv") { Description = "Where to write the results table (CSV).", Required = true };
        var campaign = new Option<string?>("--campaign") { Description = "Only this campaign id (default: all campaigns)." };
        var prior = new Option<bool>("--include-prior") { Description = "Also write each campaign's prior data (earlier measurements that trained its model), first, with status Prior." };
        var command = new Command("export", "Export a ledger's experiments and results.") { ledgerPath, csv, campaign, prior };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var source = parse.GetValue(ledgerPath)!;
            var target = parse.GetValue(csv)!;
            if (!source.Exists)
            {
                console.Error.WriteLine($"error: ledger '{source.FullName}' does not exist.");
                return ExitCodes.BadInput;
            }

            CampaignId? only = null;
            if (parse.GetValue(campaign) is { } text)
            {
                if (!IdRules.IsValid(text))
                {
                    console.Error.WriteLine($"error: '{text}' is not a valid campaign id.");
                    return ExitCodes.BadInput;
                }

                only = new CampaignId(text);
            }

            if (!OutputPaths.CheckFile(target, "--csv", console))
            {
                return ExitCodes.BadInput;
            }

            try
            {
                await using var ledger = await SqliteLedger.OpenReadOnlyAsync(source.FullName, cancellationToken);
                if (only is { } id && await ledger.FindCampaignAsync(id, cancellationToken) is null)
                {
                    console.Error.WriteLine($"error: ledger '{source.FullName}' has no campaign '{id}'.");
                    return ExitCodes.BadInput;
                }

                await using (var writer = new StreamWriter(target.FullName, append: false))
                {
                    await LedgerCsvExporter.ExportAsync(ledger, writer, only, parse.GetValue(prior), cancellationToken);
                }

                console.Out.WriteLine($"Wrote {target.FullName}");
                return ExitCodes.Ok;
            }
            catch (LedgerException ex)
            {
                console.Error.WriteLine($"error: {ex.Message}");
                return ExitCodes.BadInput;
            }
            catch (Exception ex) when (OutputPaths.IsWriteFailure(ex))
            {
                console.Error.WriteLine($"error: --csv: cannot write '{target.FullName}': {ex.Message}");
                return ExitCodes.BadInput;
            }
        });
        return command;
    }
}
