using System.CommandLine;
using SelfDrivingLab.Ledger;

namespace SelfDrivingLab.Cli.Commands;

/// <summary><c>sdl export &lt;ledger&gt; --csv &lt;file&gt; | --json &lt;file&gt;</c>: writes the results table of a ledger, or the whole record with every output as JSON (or both).</summary>
internal static class ExportCommand
{
    public static Command Create(CliConsole console)
    {
        var ledgerPath = LedgerArgument.Create();
        var csv = new Option<FileInfo?>("--csv") { Description = "Where to write the results table (CSV)." };
        var json = new Option<FileInfo?>("--json") { Description = "Where to write every campaign and experiment with all outputs and the model's provenance (JSON)." };
        var campaign = new Option<string?>("--campaign") { Description = "Only this campaign id (default: all campaigns)." };
        var prior = new Option<bool>("--include-prior") { Description = "Also write each campaign's prior data (earlier measurements that trained its model), first, with status Prior." };
        var command = new Command("export", "Export a ledger's experiments and results.") { ledgerPath, csv, json, campaign, prior };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var targets = new[] { ("--csv", parse.GetValue(csv)), ("--json", parse.GetValue(json)) }.Where(t => t.Item2 is not null).Select(t => (Option: t.Item1, File: t.Item2!)).ToList();
            if (targets.Count == 0)
            {
                console.Error.WriteLine("error: name an output: --csv <file> (the results table) and/or --json <file> (every output).");
                return ExitCodes.BadInput;
            }

            if (targets.Any(t => !OutputPaths.CheckFile(t.File, t.Option, console)))
            {
                return ExitCodes.BadInput;
            }

            var writing = targets[0];
            return await LedgerOutputCommand.RunAsync(parse.GetValue(ledgerPath)!, parse.GetValue(campaign), console, () => (writing.Option, writing.File.FullName), async (ledger, only) =>
            {
                foreach (var target in targets)
                {
                    writing = target;
                    if (target.Option == "--csv")
                    {
                        await using var writer = new StreamWriter(target.File.FullName, append: false);
                        await LedgerCsvExporter.ExportAsync(ledger, writer, only, parse.GetValue(prior), cancellationToken);
                    }
                    else
                    {
                        await using var stream = File.Create(target.File.FullName);
                        await LedgerJsonExporter.ExportAsync(ledger, stream, only, parse.GetValue(prior), cancellationToken);
                    }

                    console.Out.WriteLine($"Wrote {target.File.FullName}");
                }

                return ExitCodes.Ok;
            }, cancellationToken);
        });
        return command;
    }
}
