using System.CommandLine;
using SelfDrivingLab.Reports;

namespace SelfDrivingLab.Cli.Commands;

/// <summary><c>sdl report &lt;ledger&gt; [--campaign ID] --out DIR</c>: an HTML page with PNG plots of a ledger's campaigns.</summary>
internal static class ReportCommand
{
    public static Command Create(CliConsole console)
    {
        var ledgerPath = LedgerArgument.Create();
        var output = new Option<DirectoryInfo>("--out") { Description = "Directory to write index.html and the plots into (created if needed).", Required = true };
        var campaign = new Option<string?>("--campaign") { Description = "Only this campaign id (default: all campaigns)." };
        var definition = new Option<FileInfo?>("--definition") { Description = "The campaign file, when the model's pool or prior table is not found from here (one campaign only)." };
        var command = new Command("report", "Write an HTML report with plots: convergence, objective against each parameter, the model's held-out predictions with their calibration, instrument use, the Pareto front.")
        {
            ledgerPath, output, campaign, definition,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var target = parse.GetValue(output)!;
            var file = parse.GetValue(definition);
            if (file is { Exists: false })
            {
                console.Error.WriteLine($"error: --definition: '{file.FullName}' does not exist.");
                return ExitCodes.BadInput;
            }

            if (!OutputPaths.CheckDirectory(target, "--out", console))
            {
                return ExitCodes.BadInput;
            }

            return await LedgerOutputCommand.RunAsync(parse.GetValue(ledgerPath)!, parse.GetValue(campaign), console, () => ("--out", target.FullName), async (ledger, only) =>
            {
                var (index, campaigns) = await ReportWriter.WriteAsync(ledger, target.FullName, only, file?.FullName, cancellationToken);
                foreach (var note in campaigns.SelectMany(c => c.Notes.Select(n => $"{c.Data.Campaign.Name}: {n}")))
                {
                    console.Out.WriteLine(note);
                }

                console.Out.WriteLine($"Wrote {index} ({campaigns.Sum(c => c.Images.Count)} plots of {campaigns.Count} campaign(s))");
                return ExitCodes.Ok;
            }, cancellationToken);
        });
        return command;
    }
}
